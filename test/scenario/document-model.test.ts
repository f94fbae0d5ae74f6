import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../src/core/decimal';
import { evaluateModel } from '../../src/core/evaluate';
import { modelFromDocument } from '../../src/scenario/document-model';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { DEFAULT_PRESET, PRESETS } from '../../src/scenario/presets';
import { scenarioArb } from '../core/brute-force';
import { WORKED_EXAMPLE } from '../core/worked-example';

/** The model as plain data: every Dec as its exact text, key order fixed. */
function plain(value: unknown): unknown {
  if (Dec.isDecimal(value)) return `Dec(${(value as Dec).toFixed()})`;
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, plain(v)]),
    );
  }
  return value;
}

function check(input: unknown) {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  const model = modelFromDocument(v.document);
  expect(plain(model)).toEqual(plain(v.scenario));
  expect(evaluateModel(model)).toEqual(evaluateModel(v.scenario));
}

describe('the default preset', () => {
  it('is stored as its own validated document, so the first screen can skip validation', () => {
    const v = validateScenario(DEFAULT_PRESET.scenario);
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    expect(DEFAULT_PRESET.scenario).toEqual(JSON.parse(JSON.stringify(v.document)));
  });
});

describe('modelFromDocument', () => {
  it('is the validated model of every preset and of the worked example', () => {
    for (const preset of PRESETS) check(preset.scenario);
    check(WORKED_EXAMPLE);
  });

  it('is the validated model of random valid scenarios', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const v = validateScenario(s);
        if (!v.ok) throw new Error(JSON.stringify(v.errors));
        expect(plain(modelFromDocument(v.document))).toEqual(plain(v.scenario));
      }),
      { numRuns: 200 },
    );
  });
});
