/**
 * Input references (issue 6): the text form round-trips and parsing never throws; the list of
 * numeric inputs is what the issue names; get/set are exact, never mutate, share structure, and
 * clamp to the one set of bounds that validation also uses (src/core/input-bounds.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../src/core/decimal';
import {
  describeInput,
  formatInputRef,
  getInputValue,
  listNumericInputs,
  parseInputRef,
  sameInputRef,
  setInputValue,
} from '../../src/core/input-refs';
import type { InputRef } from '../../src/core/input-refs';
import type { Scenario } from '../../src/core/model';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { DEFAULT_PRESET } from '../../src/scenario/preset-info';
import { WORKED_EXAMPLE } from './worked-example';
import { scenarioArb } from './brute-force';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

function model(input: unknown): Scenario {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(`rejected: ${JSON.stringify(v.errors)}`);
  return v.scenario;
}

const DEFAULT = model(DEFAULT_PRESET.scenario);

describe('text form', () => {
  it.each([
    ['settings/fteCostPerYear', { scope: 'settings', field: 'fteCostPerYear' }],
    ['workload/support/tokensPerDay', { scope: 'workload', id: 'support', field: 'tokensPerDay' }],
    ['option/gpt-5/outputPerM', { scope: 'option', id: 'gpt-5', field: 'outputPerM' }],
    [
      'option/llama.v3/gpu.hourlyPerGpu',
      { scope: 'option', id: 'llama.v3', field: 'gpu.hourlyPerGpu' },
    ],
    ['option/h/engineeringFte.1.fte', { scope: 'option', id: 'h', field: 'engineeringFte.1.fte' }],
    [
      'option/h/engineeringFte.12.fromTokensPerDay',
      { scope: 'option', id: 'h', field: 'engineeringFte.12.fromTokensPerDay' },
    ],
  ])('%s', (text, ref) => {
    const parsed = parseInputRef(text);
    expect(parsed).toEqual({ ok: true, ref });
    expect(formatInputRef(ref as InputRef)).toBe(text);
  });

  it.each([
    ['', /starts with/],
    ['settings', /settings\/<field>/],
    ['settings/daysPerYear', /not a numeric input of a settings/],
    ['settings/horizonMonths', /not a numeric input/],
    ['workload//tokensPerDay', /id must be/],
    ['workload/a/b/tokensPerDay', /<workload\|option>/],
    ['workload/w/name', /not a numeric input of a workload/],
    ['workload/w/constructor', /not a numeric input/],
    ['option/o/gpu.name', /not a numeric input of a option/],
    ['option/o/engineeringFte.0.fromTokensPerDay', /first staff tier/],
    ['option/o/engineeringFte.01.fte', /not a numeric input/],
    ['option/o/routes', /not a numeric input/],
    ['strategy/s/share', /starts with/],
    ['x'.repeat(301), /at most 300/],
  ])('refuses %j', (text, message) => {
    const parsed = parseInputRef(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('refuses what is not text', () => {
    for (const v of [null, undefined, 3, {}, []]) expect(parseInputRef(v).ok).toBe(false);
  });

  const FIELDS: Record<InputRef['scope'], string[]> = {
    settings: ['fteCostPerYear', 'discountRatePerYear'],
    workload: ['tokensPerDay', 'inputShare', 'cachedInputShare', 'growthPerMonth'],
    option: [
      'inputPerM',
      'gpu.hourlyPerGpu',
      'gpu.pue',
      'targetUtilization',
      'engineeringFte.0.fte',
      'engineeringFte.3.fromTokensPerDay',
    ],
  };
  // Ids as the scenario format allows them: letters, digits, "_", "-", "." (never "/").
  const ID_CHARS = 'abcXYZ019_-.'.split('');
  const idArb = fc
    .tuple(
      fc.constantFrom('a', 'Z', '7'),
      fc.array(fc.constantFrom(...ID_CHARS), { maxLength: 20 }),
    )
    .map(([first, rest]) => first + rest.join(''));
  const refArb: fc.Arbitrary<InputRef> = fc.oneof(
    fc.constantFrom(...FIELDS.settings).map((field): InputRef => ({ scope: 'settings', field })),
    fc
      .tuple(fc.constantFrom('workload' as const, 'option' as const), idArb, fc.nat())
      .map(([scope, id, n]): InputRef => {
        const fields = FIELDS[scope];
        return { scope, id, field: fields[n % fields.length] as string };
      }),
  );

  it('round-trips: parse(format(ref)) is ref', () => {
    fc.assert(
      fc.property(refArb, (ref) => {
        expect(parseInputRef(formatInputRef(ref))).toEqual({ ok: true, ref });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random text, and what it accepts formats back to the same text', () => {
    const textArb = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      refArb
        .map(formatInputRef)
        .chain((t) =>
          fc
            .tuple(fc.nat(t.length), fc.string({ maxLength: 3 }))
            .map(([i, s]) => t.slice(0, i) + s + t.slice(i)),
        ),
      fc
        .array(
          fc.constantFrom(
            'settings',
            'workload',
            'option',
            'w',
            'gpu.x',
            '',
            '.',
            'engineeringFte.1.fte',
          ),
          {
            maxLength: 4,
          },
        )
        .map((parts) => parts.join('/')),
    );
    fc.assert(
      fc.property(textArb, (text) => {
        const parsed = parseInputRef(text);
        if (parsed.ok) expect(formatInputRef(parsed.ref)).toBe(text);
        else expect(parsed.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('compares references by what they name', () => {
    const a: InputRef = { scope: 'option', id: 'x', field: 'inputPerM' };
    expect(sameInputRef(a, { ...a })).toBe(true);
    expect(sameInputRef(a, { ...a, id: 'y' })).toBe(false);
  });
});

describe('the numeric inputs of a scenario', () => {
  it('lists every money, rate and count field of the default scenario, in a stable order', () => {
    const keys = listNumericInputs(DEFAULT).map((i) => i.key);
    expect(keys).toEqual([
      'settings/fteCostPerYear',
      'settings/discountRatePerYear',
      'workload/support/tokensPerDay',
      'workload/support/inputShare',
      'workload/support/cachedInputShare',
      'workload/support/batchShare',
      'workload/support/peakToAverage',
      'workload/support/growthPerMonth',
      'option/gpt-5/inputPerM',
      'option/gpt-5/outputPerM',
      'option/gpt-5/cachedInputPerM',
      'option/gpt-5/batchDiscount',
      'option/gpt-5/priceChangePerYear',
      'option/gpt-5/integrationFte',
      'option/gpt-5/fineTuningOneTime',
      'option/gpt-5/fineTuningPerMonth',
      'option/llama-70b-h100/gpu.hourlyPerGpu',
      'option/llama-70b-h100/gpusPerReplica',
      'option/llama-70b-h100/prefillTokensPerSec',
      'option/llama-70b-h100/decodeTokensPerSec',
      'option/llama-70b-h100/targetUtilization',
      'option/llama-70b-h100/minReplicas',
      'option/llama-70b-h100/storagePerMonth',
      'option/llama-70b-h100/storagePerGpuMonth',
      'option/llama-70b-h100/monitoringPerMonth',
      'option/llama-70b-h100/monitoringPerGpuMonth',
      'option/llama-70b-h100/fineTuningOneTime',
      'option/llama-70b-h100/fineTuningPerMonth',
      'option/llama-70b-h100/engineeringFte.0.fte',
      'option/llama-70b-h100/engineeringFte.1.fte',
      'option/llama-70b-h100/engineeringFte.1.fromTokensPerDay',
      'option/llama-70b-h100/engineeringFte.2.fte',
      'option/llama-70b-h100/engineeringFte.2.fromTokensPerDay',
    ]);
  });

  it('gives each input its value, bounds, kind and what it reaches', () => {
    const byKey = new Map(listNumericInputs(DEFAULT).map((i) => [i.key, i]));
    const util = byKey.get('option/llama-70b-h100/targetUtilization');
    expect(util?.value.toFixed()).toBe('0.6');
    expect(util?.bounds.min.toFixed()).toBe('0');
    expect(util?.bounds.minExclusive).toBe(true);
    expect(util?.bounds.max.toFixed()).toBe('1');
    expect(util?.kind).toBe('decimal');
    expect(util?.linear).toBe(false);
    const replicas = byKey.get('option/llama-70b-h100/minReplicas');
    expect(replicas?.kind).toBe('integer');
    expect(byKey.get('option/gpt-5/outputPerM')?.linear).toBe(true);
    expect(byKey.get('option/gpt-5/outputPerM')?.unit).toBe('money');
    expect(byKey.get('workload/support/growthPerMonth')?.affects).toBe('timeline');
    const tier = byKey.get('option/llama-70b-h100/engineeringFte.1.fromTokensPerDay');
    expect(tier?.bounds.min.toFixed()).toBe('0');
    expect(tier?.bounds.max.toFixed()).toBe('5000000000');
    expect(tier?.bounds.maxExclusive).toBe(true);
    expect(tier?.label).toBe('start of staff tier 2');
  });

  it('lists the GPU fields of the current pricing mode only', () => {
    const doc = structuredClone(DEFAULT_PRESET.scenario) as Json;
    doc.options[1].gpu = { mode: 'buy', purchasePerGpu: '30000', amortizationMonths: '36' };
    const keys = listNumericInputs(model(doc))
      .map((i) => i.key)
      .filter((k) => k.includes('/gpu.'));
    expect(keys).toEqual([
      'option/llama-70b-h100/gpu.purchasePerGpu',
      'option/llama-70b-h100/gpu.amortizationMonths',
      'option/llama-70b-h100/gpu.residualShare',
      'option/llama-70b-h100/gpu.powerKwPerGpu',
      'option/llama-70b-h100/gpu.pue',
      'option/llama-70b-h100/gpu.pricePerKwh',
      'option/llama-70b-h100/gpu.hostingPerGpuMonth',
    ]);
    expect(
      describeInput(model(doc), parseRef('option/llama-70b-h100/gpu.hourlyPerGpu')),
    ).toBeNull();
  });

  it('finds nothing for an id or a field the scenario does not have', () => {
    expect(getInputValue(DEFAULT, parseRef('workload/nope/tokensPerDay'))).toBeNull();
    expect(getInputValue(DEFAULT, parseRef('option/gpt-5/targetUtilization'))).toBeNull();
    expect(
      getInputValue(DEFAULT, parseRef('option/llama-70b-h100/engineeringFte.3.fte')),
    ).toBeNull();
    const r = setInputValue(DEFAULT, parseRef('workload/nope/tokensPerDay'), new Dec(1));
    expect(r.ok).toBe(false);
  });
});

function parseRef(text: string): InputRef {
  const r = parseInputRef(text);
  if (!r.ok) throw new Error(r.error);
  return r.ref;
}

/** Every input of a scenario as text, for comparing two scenarios value by value. */
function snapshot(s: Scenario): Record<string, string> {
  return Object.fromEntries(listNumericInputs(s).map((i) => [i.key, i.value.toFixed()]));
}

describe('get and set', () => {
  it('sets one value, never mutates, and shares everything it did not change', () => {
    const before = snapshot(DEFAULT);
    const ref = parseRef('option/llama-70b-h100/gpu.hourlyPerGpu');
    const r = setInputValue(DEFAULT, ref, new Dec('2.5'));
    if (!r.ok) throw new Error(r.error);
    expect(r.clamped).toBeNull();
    expect(getInputValue(r.scenario, ref)?.toFixed()).toBe('2.5');
    expect(snapshot(DEFAULT)).toEqual(before);
    expect(r.scenario.workloads).toBe(DEFAULT.workloads);
    expect(r.scenario.settings).toBe(DEFAULT.settings);
    expect(r.scenario.strategies).toBe(DEFAULT.strategies);
    expect(r.scenario.options[0]).toBe(DEFAULT.options[0]);
    expect(r.scenario.options[1]).not.toBe(DEFAULT.options[1]);
    const after = snapshot(r.scenario);
    expect({ ...after, [formatInputRef(ref)]: '3.99' }).toEqual(before);
  });

  it('set(get) is the identity, and get(set(v)) is v, on random scenarios', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), fc.integer({ min: 0, max: 1000 }), (doc, pick, k) => {
        const s = model(doc);
        const inputs = listNumericInputs(s);
        const input = inputs[pick % inputs.length];
        if (!input) return;
        const same = setInputValue(s, input.ref, input.value);
        if (!same.ok) throw new Error(same.error);
        expect(same.clamped).toBeNull();
        expect(snapshot(same.scenario)).toEqual(snapshot(s));
        // A value inside the bounds (a thousandth-step between them) comes back as set.
        const { min, max } = input.bounds;
        let v = min.plus(max.minus(min).mul(k).div(1000));
        if (input.kind === 'integer') v = v.floor();
        const inside =
          (input.bounds.minExclusive ? v.greaterThan(min) : v.greaterThanOrEqualTo(min)) &&
          (input.bounds.maxExclusive ? v.lessThan(max) : v.lessThanOrEqualTo(max));
        if (!inside) return;
        const set = setInputValue(s, input.ref, v);
        if (!set.ok) throw new Error(set.error);
        expect(set.clamped).toBeNull();
        expect(getInputValue(set.scenario, input.ref)?.toFixed()).toBe(v.toFixed());
      }),
      { numRuns: 200 },
    );
  });

  it('clamps to the bounds and says so', () => {
    const share = setInputValue(DEFAULT, parseRef('workload/support/inputShare'), new Dec('1.2'));
    expect(share.ok && share.value.toFixed()).toBe('1');
    expect(share.ok && share.clamped).toEqual({
      requested: '1.2',
      applied: '1',
      reason: 'must be at most 1',
    });
    const price = setInputValue(DEFAULT, parseRef('option/gpt-5/outputPerM'), new Dec('-3'));
    expect(price.ok && price.value.toFixed()).toBe('0');
    expect(price.ok && price.clamped?.reason).toBe('must be at least 0');
    // Exclusive: a hair above 0 (a billionth of the range).
    const util = setInputValue(
      DEFAULT,
      parseRef('option/llama-70b-h100/targetUtilization'),
      new Dec(0),
    );
    expect(util.ok && util.value.toFixed()).toBe('0.000000001');
    expect(util.ok && util.clamped?.reason).toBe('must be above 0');
    // Whole numbers round to the nearest (half away from zero).
    const replicas = setInputValue(
      DEFAULT,
      parseRef('option/llama-70b-h100/minReplicas'),
      new Dec('2.5'),
    );
    expect(replicas.ok && replicas.value.toFixed()).toBe('3');
    expect(replicas.ok && replicas.clamped?.reason).toBe('rounded to the nearest whole number');
    const gpus = setInputValue(
      DEFAULT,
      parseRef('option/llama-70b-h100/gpusPerReplica'),
      new Dec('0.2'),
    );
    expect(gpus.ok && gpus.value.toFixed()).toBe('1');
  });

  it('keeps staff tiers sorted: a tier start stays between its neighbours', () => {
    const ref = parseRef('option/llama-70b-h100/engineeringFte.1.fromTokensPerDay');
    const low = setInputValue(DEFAULT, ref, new Dec('0'));
    expect(low.ok && low.value.toFixed()).toBe('1');
    expect(low.ok && low.clamped?.reason).toMatch(/increasing order: between 0 and 5000000000/);
    const high = setInputValue(DEFAULT, ref, new Dec('9000000000'));
    expect(high.ok && high.value.toFixed()).toBe('4999999999');
    const last = parseRef('option/llama-70b-h100/engineeringFte.2.fromTokensPerDay');
    const top = setInputValue(DEFAULT, last, new Dec('2e12'));
    expect(top.ok && top.value.toFixed()).toBe('1000000000000');
    const under = setInputValue(DEFAULT, last, new Dec('1000000000'));
    expect(under.ok && under.value.toFixed()).toBe('1000000001');
    for (const r of [low, high, top, under]) {
      if (!r.ok) throw new Error(r.error);
      const tiers =
        r.scenario.options[1]?.kind === 'selfHost' ? r.scenario.options[1].engineeringFte : [];
      for (let i = 1; i < tiers.length; i++) {
        expect(tiers[i]?.fromTokensPerDay.greaterThan(tiers[i - 1]?.fromTokensPerDay ?? 0)).toBe(
          true,
        );
      }
    }
  });
});

/** Where an input lives in a scenario document (for the bounds-agreement test). */
function docPath(doc: Json, ref: InputRef): { parent: Json; key: string } {
  if (ref.scope === 'settings') return { parent: doc.settings, key: ref.field };
  const list = ref.scope === 'workload' ? doc.workloads : doc.options;
  const owner = list.find((x: Json) => x.id === ref.id);
  const path = ref.field.split('.');
  let parent = owner;
  for (const step of path.slice(0, -1)) parent = parent[step];
  return { parent, key: path[path.length - 1] as string };
}

describe('one source of bounds: validation accepts what the analyses may set', () => {
  const docs: [string, Json][] = [
    ['default', DEFAULT_PRESET.scenario],
    ['worked example', WORKED_EXAMPLE],
    [
      'bought GPUs',
      (() => {
        const d = structuredClone(DEFAULT_PRESET.scenario) as Json;
        d.options[1].gpu = { mode: 'buy', purchasePerGpu: '30000', amortizationMonths: '36' };
        return d;
      })(),
    ],
  ];
  it.each(docs)('%s: every input at its ends is valid, and just outside is not', (_, doc) => {
    const s = model(doc);
    for (const input of listNumericInputs(s)) {
      if (input.bounds.note !== null) continue; // tier starts: order, checked above
      const ends = [input.bounds.min, input.bounds.max];
      for (const [i, end] of ends.entries()) {
        const r = setInputValue(s, input.ref, end);
        if (!r.ok) throw new Error(r.error);
        const d = structuredClone(doc) as Json;
        const at = docPath(d, input.ref);
        at.parent[at.key] = r.value.toFixed();
        expect(validateScenario(d).ok, `${input.key} = ${r.value.toFixed()}`).toBe(true);
        const outside = i === 0 ? end.minus('0.5') : end.plus('0.5');
        at.parent[at.key] = outside.toFixed();
        const v = validateScenario(d);
        expect(v.ok, `${input.key} = ${outside.toFixed()}`).toBe(false);
        if (!v.ok) expect(v.errors[0]?.message).toMatch(/must be (at least|above) .* and at most/);
      }
    }
  });
});
