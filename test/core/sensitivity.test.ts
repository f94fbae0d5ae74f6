/**
 * Sensitivity (issue 6 item 1): golden rows on the DESIGN 3.6a worked example worked out by hand,
 * clamping and zero values, slices that add up to the whole, and properties on random scenarios
 * (a 0% swing moves nothing; every row equals a full evaluation with the value set).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../src/core/decimal';
import { evaluateModel } from '../../src/core/evaluate';
import { setInputValue } from '../../src/core/input-refs';
import {
  DEFAULT_SWING,
  computeSensitivity,
  computeSensitivityRows,
  planSensitivity,
  sortSensitivityRows,
} from '../../src/core/sensitivity';
import type { SensitivityRow } from '../../src/core/sensitivity';
import type { Scenario } from '../../src/core/model';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { WORKED_EXAMPLE } from './worked-example';
import { scenarioArb } from './brute-force';

function model(input: unknown): Scenario {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(`rejected: ${JSON.stringify(v.errors)}`);
  return v.scenario;
}

/** The worked example plus an API option no strategy uses. */
const EXAMPLE = model({
  ...WORKED_EXAMPLE,
  options: [...WORKED_EXAMPLE.options, { kind: 'api', id: 'unused', inputPerM: 3, outputPerM: 15 }],
});

function run(scenario: Scenario, strategyId: string, swing: Dec = DEFAULT_SWING) {
  const r = computeSensitivity(scenario, strategyId, swing);
  if (!r.ok) throw new Error(r.error);
  return r.result;
}

const cents = (s: string) => new Dec(s).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);

describe('the worked example (DESIGN 3.6a) at ±20%', () => {
  const result = run(EXAMPLE, 'self');
  const row = (key: string): SensitivityRow => {
    const r = result.rows.find((x) => x.key === key);
    if (!r) throw new Error(`no row ${key}`);
    return r;
  };

  it('starts from the run-rate savings and break-even of the evaluation', () => {
    // B - C = 5,886.98 - 10,668.33 (DESIGN 3.6a).
    expect(cents(result.base.runRateSavings)).toBe('-4781.35');
    expect(result.base.breakEven).toEqual({
      kind: 'at',
      tokensPerDay: '106646920.893496235961989386647',
    });
    const evaluated = evaluateModel(EXAMPLE).strategies[1]?.vsBaseline;
    expect(result.base.runRateSavings).toBe(evaluated?.runRateSavings);
    expect(result.base.breakEven).toEqual(evaluated?.breakEven);
  });

  it('moves each input by hand-checkable amounts', () => {
    // Staff: 0.5 ± 0.1 FTE at 200,000 / 12 a month: C moves by 1,666.67, savings the other way.
    const fte = row('option/h100/engineeringFte.0.fte');
    expect([fte.low.value, fte.high.value]).toEqual(['0.4', '0.6']);
    expect(cents(fte.low.savingsChange)).toBe('1666.67');
    expect(cents(fte.high.savingsChange)).toBe('-1666.67');
    // Engineer cost 200,000 ± 40,000: C's 0.5 FTE (1,666.67) against B's 0.1 FTE (333.33).
    expect(cents(row('settings/fteCostPerYear').low.savingsChange)).toBe('1333.33');
    // Output price 10 ± 2 per 1M: 1,520,833,333.33 tokens a month, 20% output:
    // 1,520.8333 · 0.2 · 2 = 608.33 on B.
    const out = row('option/api/outputPerM');
    expect(cents(out.low.savingsChange)).toBe('-608.33');
    expect(cents(out.high.savingsChange)).toBe('608.33');
    // GPU 2.50 ± 0.50 an hour, 730 hours, one GPU: 365.
    const gpu = row('option/h100/gpu.hourlyPerGpu');
    expect(gpu.impact).toBe('365');
    // ...and the break-even moves by 365 / (84.40625 per 1M tokens/day): C is flat there, B grows
    // by 4,220.3125 / 50M = 0.00008440625 a month per token/day.
    const expected = new Dec(-365).div('0.00008440625');
    expect(new Dec(gpu.low.breakEvenChange ?? 'NaN').minus(expected).abs().lessThan('1e-15')).toBe(
      true,
    );
    // Input price 1.25 ± 0.25 on 0.8 · 0.75 of the tokens: 1,520.8333 · 0.6 · 0.25 = 228.125.
    expect(row('option/api/inputPerM').impact).toBe('228.125');
    // Input share 0.8 ± 0.16: B's price per 1M moves by 0.16 · (0.75 · 1.25 + 0.25 · 0.125 - 10)
    // = -1.445, times 1,520.8333 = 2,197.60; self-hosting stays at one replica.
    expect(cents(row('workload/w/inputShare').impact)).toBe('2197.60');
    // Volume 50M ± 10M: B's usage moves by a fifth of 4,220.3125; C stays at one replica.
    expect(row('workload/w/tokensPerDay').impact).toBe('844.0625');
  });

  it('sorts by impact, ties in input order', () => {
    expect(result.rows.slice(0, 8).map((r) => r.key)).toEqual([
      'workload/w/inputShare',
      'option/h100/engineeringFte.0.fte',
      'settings/fteCostPerYear',
      'workload/w/tokensPerDay',
      'option/api/outputPerM',
      'option/h100/gpu.hourlyPerGpu',
      'option/api/integrationFte',
      'option/api/inputPerM',
    ]);
    for (let i = 1; i < result.rows.length; i++) {
      const [a, b] = [result.rows[i - 1], result.rows[i]] as [SensitivityRow, SensitivityRow];
      const cmp = new Dec(a.impact).comparedTo(b.impact);
      expect(cmp > 0 || (cmp === 0 && a.order < b.order)).toBe(true);
    }
    // By break-even: the same rows, largest change of the break-even volume first.
    expect(result.byBreakEven.length).toBe(result.rows.length);
    expect(result.byBreakEven[0]?.key).toBe('workload/w/inputShare');
  });

  it('flags zero values, whole numbers that round back, and skips what cannot matter', () => {
    const batch = row('workload/w/batchShare');
    expect(batch.zeroBase).toBe(true);
    expect(batch.notMoved).toBe(true);
    expect(batch.impact).toBe('0');
    const minReplicas = row('option/h100/minReplicas');
    // 1 · 0.8 and 1 · 1.2 both round to 1.
    expect(minReplicas.notMoved).toBe(true);
    expect(minReplicas.zeroBase).toBe(false);
    expect(minReplicas.low.clamped?.reason).toBe('rounded to the nearest whole number');
    expect(result.skipped.map((s) => `${s.key} ${s.reason}`)).toEqual([
      'settings/discountRatePerYear timelineOnly',
      'workload/w/growthPerMonth timelineOnly',
      'option/api/priceChangePerYear timelineOnly',
      'option/api/fineTuningOneTime timelineOnly',
      'option/h100/fineTuningOneTime timelineOnly',
      'option/unused/inputPerM unusedOption',
      'option/unused/outputPerM unusedOption',
      'option/unused/cachedInputPerM unusedOption',
      'option/unused/batchDiscount unusedOption',
      'option/unused/priceChangePerYear unusedOption',
      'option/unused/integrationFte unusedOption',
      'option/unused/fineTuningOneTime unusedOption',
      'option/unused/fineTuningPerMonth unusedOption',
    ]);
    expect(result.rows.some((r) => r.key.startsWith('option/unused/'))).toBe(false);
  });

  it('clamps to the bounds at a 100% swing and reports it', () => {
    const full = run(EXAMPLE, 'self', new Dec(1));
    const util = full.rows.find((r) => r.key === 'option/h100/targetUtilization');
    expect(util?.low.value).toBe('0.000000001');
    expect(util?.low.clamped).toEqual({
      requested: '0',
      applied: '0.000000001',
      reason: 'must be above 0',
    });
    const share = full.rows.find((r) => r.key === 'workload/w/inputShare');
    expect(share?.high.clamped).toEqual({
      requested: '1.6',
      applied: '1',
      reason: 'must be at most 1',
    });
    // A utilization of 1e-9 needs hundreds of millions of replicas: the break-even becomes never.
    expect(util?.low.breakEven.kind).toBe('never');
    expect(util?.breakEvenImpact.kindChanged).toBe(true);
    expect(full.byBreakEven[0]?.breakEvenImpact.kindChanged).toBe(true);
  });

  it('refuses a swing outside 0..1, an unknown strategy and the baseline itself', () => {
    expect(computeSensitivity(EXAMPLE, 'self', new Dec('-0.1')).ok).toBe(false);
    expect(computeSensitivity(EXAMPLE, 'self', new Dec('1.5')).ok).toBe(false);
    expect(computeSensitivity(EXAMPLE, 'nope').ok).toBe(false);
    const base = computeSensitivity(EXAMPLE, 'all-api');
    expect(base.ok).toBe(false);
    if (!base.ok) expect(base.error).toMatch(/baseline/);
  });
});

describe('slices, for a worker', () => {
  it('rows computed in chunks and sorted equal the whole analysis', () => {
    const planned = planSensitivity(EXAMPLE, 'self');
    if (!planned.ok) throw new Error(planned.error);
    const { refs } = planned.plan;
    const rows: SensitivityRow[] = [];
    for (let i = 0; i < refs.length; i += 5) {
      const chunk = computeSensitivityRows(EXAMPLE, 'self', DEFAULT_SWING, refs.slice(i, i + 5));
      if (!chunk.ok) throw new Error(chunk.error);
      rows.push(...chunk.rows);
    }
    const whole = run(EXAMPLE, 'self');
    expect(sortSensitivityRows(rows, 'savings')).toEqual(whole.rows);
    expect(sortSensitivityRows(rows.reverse(), 'breakEven')).toEqual(whole.byBreakEven);
  });

  it('an input of an unused option gives a row that does not move', () => {
    const r = computeSensitivityRows(EXAMPLE, 'self', DEFAULT_SWING, [
      { scope: 'option', id: 'unused', field: 'outputPerM' },
    ]);
    expect(r.ok && r.rows[0]?.impact).toBe('0');
    const bad = computeSensitivityRows(EXAMPLE, 'self', DEFAULT_SWING, [
      { scope: 'option', id: 'nope', field: 'outputPerM' },
    ]);
    expect(bad.ok).toBe(false);
  });
});

describe('properties on random scenarios', () => {
  it('a 0% swing changes nothing in any row', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.constantFrom('self', 'mixed'), (doc, id) => {
        const result = run(model(doc), id, new Dec(0));
        for (const row of result.rows) {
          expect(row.impact).toBe('0');
          expect(row.low.savingsChange).toBe('0');
          expect(row.high.savingsChange).toBe('0');
          expect(row.low.breakEvenChange).toBe('0');
          expect(row.high.breakEvenChange).toBe('0');
          expect(row.breakEvenImpact).toEqual({ kindChanged: false, tokensPerDay: '0' });
          expect(row.notMoved).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('each end of a row is what a full evaluation gives with that value set', () => {
    fc.assert(
      fc.property(
        scenarioArb(),
        fc.constantFrom('self', 'mixed'),
        fc.integer({ min: 1, max: 100 }),
        fc.nat(),
        (doc, id, percent, pick) => {
          const s = model(doc);
          const swing = new Dec(percent).div(100);
          const planned = planSensitivity(s, id);
          if (!planned.ok) throw new Error(planned.error);
          const refs = planned.plan.refs;
          const ref = refs[pick % refs.length];
          if (!ref) return;
          const rows = computeSensitivityRows(s, id, swing, [ref]);
          if (!rows.ok) throw new Error(rows.error);
          const row = rows.rows[0] as SensitivityRow;
          for (const end of [row.low, row.high]) {
            const set = setInputValue(s, ref, new Dec(end.value));
            if (!set.ok) throw new Error(set.error);
            const full = evaluateModel(set.scenario).strategies.find((x) => x.id === id);
            expect(end.runRateSavings).toBe(full?.vsBaseline?.runRateSavings);
            expect(end.breakEven).toEqual(
              full?.vsBaseline?.breakEven.kind === 'never'
                ? { kind: 'never' }
                : full?.vsBaseline?.breakEven,
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
