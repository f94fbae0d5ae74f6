/**
 * The store's check of a one-field edit (src/scenario/document-check.ts): a number of a workload,
 * an option or the settings is checked on its own part of an otherwise valid document. Its
 * verdict must be the whole document's for any value, valid or not, at any field.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocument } from '../../src/scenario/document-check';
import { setAt } from '../../src/scenario/doc-path';
import type { DocPath } from '../../src/scenario/doc-path';
import { validateScenario } from '../../src/scenario/validate-scenario';
import type { ScenarioDoc } from '../../src/scenario/document';
import { scenarioArb } from '../core/brute-force';
import { DEFAULT_PRESET } from '../../src/scenario/presets';

function documentOf(input: unknown): ScenarioDoc {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.document;
}

/** Every path in the document that holds a primitive value (a field a person could edit). */
function leafPaths(value: unknown, prefix: DocPath = []): DocPath[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value)
    ? value.map((item, i) => [i, item] as const)
    : Object.entries(value);
  return entries.flatMap(([key, item]) => leafPaths(item, [...prefix, key]));
}

const VALUES = fc.oneof(
  fc.constantFrom('0', '1', '0.5', '-1', '2', '1e3', 'abc', '', ' 3', '1000000000000000', '0.999'),
  fc.double({ noNaN: true, min: -1e13, max: 1e13 }).map(String),
  fc.integer({ min: -5, max: 200 }).map(String),
);

describe('checkDocument with a one-field edit', () => {
  it('gives the verdict of the whole document for any value at any field', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), VALUES, (input, pick, value) => {
        const from = documentOf(input);
        const paths = leafPaths(from);
        const path = paths[pick % paths.length] as DocPath;
        const next = setAt(from, path, value);
        const fast = checkDocument(next, { from, path });
        const full = validateScenario(next);
        expect(fast.result.ok).toBe(full.ok);
        if (fast.result.ok && full.ok) expect(fast.result.scenario).toEqual(full.scenario);
      }),
      { numRuns: 400 },
    );
  });

  it('does not trust an edit whose document changed elsewhere too', () => {
    const from = documentOf(DEFAULT_PRESET.scenario);
    const path = ['workloads', 0, 'tokensPerDay'];
    // The same path, but another field broken as well: the full validation must see it.
    const next = setAt(setAt(from, path, '5000'), ['workloads', 0, 'inputShare'], '7');
    expect(checkDocument(next, { from, path }).result.ok).toBe(false);
    const other = setAt(setAt(from, path, '5000'), ['settings', 'horizonMonths'], '0');
    expect(checkDocument(other, { from, path }).result.ok).toBe(false);
  });

  it('a valid volume is accepted by the part check with the messages of the full one otherwise', () => {
    const from = documentOf(DEFAULT_PRESET.scenario);
    const path = ['workloads', 0, 'tokensPerDay'];
    expect(checkDocument(setAt(from, path, '123456'), { from, path }).result.ok).toBe(true);
    const bad = checkDocument(setAt(from, path, '-5'), { from, path }).result;
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.path).toBe('workloads[0].tokensPerDay');
  });
});
