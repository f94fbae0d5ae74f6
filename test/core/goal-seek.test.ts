/**
 * Goal seek (issue 6 item 2): golden cases on the DESIGN 3.6a worked example solved by hand, the
 * "no value in range" and step explanations, and properties on random scenarios: an 'exact'
 * answer makes the two costs equal to the cent when the value is set and re-evaluated; an
 * 'approximate' one brackets a sign change within 1e-9 relative; the volume scale agrees with the
 * break-even of DESIGN 3.5.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../src/core/decimal';
import { evaluateModel } from '../../src/core/evaluate';
import { listNumericInputs, setInputValue } from '../../src/core/input-refs';
import { goalSeek } from '../../src/core/goal-seek';
import type { GoalSeekMeasure, GoalSeekResult, GoalSeekTarget } from '../../src/core/goal-seek';
import type { InputRef } from '../../src/core/input-refs';
import type { Scenario } from '../../src/core/model';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { WORKED_EXAMPLE } from './worked-example';
import { scenarioArb } from './brute-force';

function model(input: unknown): Scenario {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(`rejected: ${JSON.stringify(v.errors)}`);
  return v.scenario;
}

/** The worked example at another volume (one workload, 'all-api' against 'self'). */
function example(tokensPerDay: number): Scenario {
  const [w] = WORKED_EXAMPLE.workloads;
  return model({ ...WORKED_EXAMPLE, workloads: [{ ...w, tokensPerDay }] });
}

function seek(
  s: Scenario,
  target: GoalSeekTarget,
  measure: GoalSeekMeasure = 'runRate',
  strategyId = 'self',
): GoalSeekResult {
  const r = goalSeek(s, strategyId, target, { measure });
  if (!r.ok) throw new Error(r.error);
  return r.result;
}

const input = (text: string): GoalSeekTarget => {
  const [scope, a, b] = text.split('/');
  const ref = (scope === 'settings' ? { scope, field: a } : { scope, id: a, field: b }) as InputRef;
  return { kind: 'input', ref };
};

/** C - B after setting every applied value: per month, or NPV. */
function gapWith(
  s: Scenario,
  applied: { ref: InputRef; value: string }[],
  strategyId: string,
  measure: GoalSeekMeasure,
): Dec {
  let next = s;
  for (const a of applied) {
    const r = setInputValue(next, a.ref, new Dec(a.value));
    if (!r.ok) throw new Error(r.error);
    expect(r.clamped, `${a.value} was clamped`).toBeNull();
    next = r.scenario;
  }
  const vs = evaluateModel(next).strategies.find((x) => x.id === strategyId)?.vsBaseline;
  if (!vs) throw new Error('no comparison');
  return new Dec(measure === 'runRate' ? vs.runRateSavings : vs.npvSavings).neg();
}

describe('golden cases on the worked example (DESIGN 3.6a)', () => {
  it('the API output price at which the API costs the same as self-hosting at 50M tokens/day', () => {
    // Self-hosting: 1,825 + 300 + 210 + 8,333.33 = 10,668.33 a month whatever the API price.
    // API: 1,666.67 integration + usage, usage = 50e6 · 365/12 / 1e6 · (0.8 · 0.75 · 1.25
    //   + 0.8 · 0.25 · 0.125 + 0.2 · p) = 1,520.8333 · (0.775 + 0.2 p).
    // Equal when 1,520.8333 · (0.775 + 0.2 p) = 10,668.33 - 1,666.67 = 9,001.67 = 27,005/3,
    // 0.775 + 0.2 p = (27,005/3) / (9,125/6) = 54,010/9,125, p = 234,690.625 / 9,125 = 25.7195...
    const r = seek(example(50e6), input('option/api/outputPerM'));
    expect(r.kind).toBe('exact');
    if (r.kind !== 'exact') return;
    const p = new Dec('234690.625').div('9125');
    expect(r.value).toBe(p.toSignificantDigits(30).toFixed());
    expect(r.value).toBe('25.7195205479452054794520547945');
    expect(new Dec(r.gap).abs().lessThan('1e-20')).toBe(true);
    expect(r.explanation).toMatch(/exact/);
    expect(r.explanation).toMatch(/USD 25\.7195 \(today USD 10\.00\)/);
    expect(gapWith(example(50e6), r.applied, 'self', 'runRate').abs().lessThan('0.005')).toBe(true);
  });

  it('the same price on NPV: 12 equal months undiscounted, so the same answer', () => {
    const r = seek(example(50e6), input('option/api/outputPerM'), 'npv');
    expect(r.kind).toBe('exact');
    if (r.kind === 'exact') expect(r.value).toBe('25.7195205479452054794520547945');
  });

  it('the GPU hourly price at which self-hosting costs the same as the API at 150M tokens/day', () => {
    // At 150M: x = 0.37037, peak 0.740741, / 0.75 = 0.98765 -> still one replica.
    // API: 3 · 4,220.3125 + 1,666.67 = 14,327.60. Self: 730 h + 300 + 210 + 8,333.33.
    // h = (12,660.9375 + 5,000/3 - 510 - 25,000/3) / 730 = (16,452.8125/3) / 730 = 7.5127 an hour.
    const r = seek(example(150e6), input('option/h100/gpu.hourlyPerGpu'));
    expect(r.kind).toBe('exact');
    if (r.kind !== 'exact') return;
    expect(r.value).toBe(new Dec('16452.8125').div(2190).toSignificantDigits(30).toFixed());
    expect(gapWith(example(150e6), r.applied, 'self', 'runRate').abs().lessThan('0.005')).toBe(
      true,
    );
  });

  it('no GPU price makes self-hosting pay at 50M tokens/day: staff alone cost more than the API', () => {
    // At a GPU price of 0 self-hosting still costs 300 + 210 + 8,333.33 = 8,843.33, 2,956.35 more
    // than the API's 5,886.98; its staff alone (8,333.33) cost more than the whole API bill.
    const r = seek(example(50e6), input('option/h100/gpu.hourlyPerGpu'));
    expect(r.kind).toBe('none');
    if (r.kind !== 'none') return;
    expect(r.atLow.value).toBe('0');
    expect(new Dec(r.atLow.gap).toDecimalPlaces(2).toFixed(2)).toBe('2956.35');
    expect(r.explanation).toBe(
      'No value of the GPU price per hour of "h100" from USD 0.00 to USD 1,000,000,000.00 makes "self" ' +
        'as cheap as "all-api": even at USD 0.00 it costs USD 2,956.35 a month more than ' +
        '"all-api". That is because the staff of "self" alone cost USD 8,333.33 a month, more ' +
        'than all of "all-api" (USD 5,886.98).',
    );
  });

  it('a step on target utilization at 200M tokens/day: one replica fewer flips it', () => {
    // At 200M: peak load 2 · 200e6 · (0.8/10,000 + 0.2/1,500) / 86,400 = 80/81 replica.
    // Replicas = ceil((80/81) / u); each costs 1,825 + 10 = 1,835 a month.
    // API: 4 · 4,220.3125 + 1,666.67 = 18,547.92; self: 1,835 r + 8,833.33.
    // r = 5: gap -539.58; r = 6: +1,295.42. The step from 6 to 5 is at u = (80/81)/5 = 16/81.
    const r = seek(example(200e6), input('option/h100/targetUtilization'));
    expect(r.kind).toBe('step');
    if (r.kind !== 'step') return;
    const step = new Dec(16).div(81);
    const below = new Dec(r.below.value);
    const above = new Dec(r.above.value);
    expect(below.lessThan(step) || below.equals(step)).toBe(true);
    expect(above.greaterThanOrEqualTo(step)).toBe(true);
    expect(above.minus(below).lessThanOrEqualTo(step.mul('1e-9'))).toBe(true);
    expect(new Dec(r.below.gap).toDecimalPlaces(2).toFixed(2)).toBe('1295.42');
    expect(new Dec(r.above.gap).toDecimalPlaces(2).toFixed(2)).toBe('-539.58');
    expect(r.value).toBe(r.above.value);
    expect(r.explanation).toMatch(
      /No value of the target utilization of "h100" makes them cost the same/,
    );
    expect(r.explanation).toMatch(
      /At 0\.197531 the cost of "self" drops by USD 1,835\.00 a month as "h100" needs one replica fewer \(5 instead of 6\)/,
    );
    // Re-evaluated, the two sides really are on either side of zero.
    expect(gapWith(example(200e6), r.below.applied, 'self', 'runRate').isPositive()).toBe(true);
    expect(gapWith(example(200e6), r.above.applied, 'self', 'runRate').isNegative()).toBe(true);
  });

  it('a whole-number step: minimum replicas 5 or 6 at 200M tokens/day', () => {
    const r = seek(example(200e6), input('option/h100/minReplicas'));
    expect(r.kind).toBe('step');
    if (r.kind !== 'step') return;
    expect([r.below.value, r.above.value, r.value]).toEqual(['5', '6', '5']);
    expect(r.explanation).toMatch(/No whole number for the minimum replicas/);
  });

  it('the volume scale is the break-even volume: 106,646,920.89 tokens/day', () => {
    const s = example(50e6);
    const r = seek(s, { kind: 'volumeScale' });
    expect(r.kind).toBe('exact');
    if (r.kind !== 'exact') return;
    const be = evaluateModel(s).strategies[1]?.vsBaseline?.breakEven;
    expect(be).toEqual({ kind: 'at', tokensPerDay: '106646920.893496235961989386647' });
    expect(r.tokensPerDay).toBe('106646920.893496235961989386647');
    expect(r.breakEven).toEqual(be);
    expect(gapWith(s, r.applied, 'self', 'runRate').abs().lessThan('0.005')).toBe(true);
  });

  it('the API prices scaled together: input, output and cached by the same factor', () => {
    // Usage must grow from 4,220.3125 to 9,001.67: factor (27,005/3) / 4,220.3125.
    const r = seek(example(50e6), { kind: 'apiPriceScale', optionId: 'api' });
    expect(r.kind).toBe('exact');
    if (r.kind !== 'exact') return;
    const f = new Dec(27005).div(3).div('4220.3125');
    expect(new Dec(r.value).minus(f).abs().lessThan('1e-25')).toBe(true);
    expect(r.applied.map((a) => a.key)).toEqual([
      'option/api/inputPerM',
      'option/api/outputPerM',
      'option/api/cachedInputPerM',
    ]);
    expect(new Dec(r.applied[1]?.value ?? '0').minus(f.mul(10)).abs().lessThan('1e-25')).toBe(true);
    expect(r.range).toEqual({ low: '0', high: '100' });
    expect(gapWith(example(50e6), r.applied, 'self', 'runRate').abs().lessThan('0.005')).toBe(true);
  });
});

describe('explanations and edges', () => {
  it('an input that reaches only the timeline, sought on the run-rate', () => {
    const r = seek(example(50e6), input('workload/w/growthPerMonth'));
    expect(r.kind).toBe('none');
    expect(r.explanation).toMatch(/only the timeline and NPV.*Seek it on the NPV instead/);
  });

  it('growth on the NPV is found by bisection, approximately', () => {
    const s = example(200e6);
    const r = seek(s, input('workload/w/growthPerMonth'), 'npv');
    expect(r.kind).toBe('approximate');
    if (r.kind !== 'approximate') return;
    expect(r.explanation).toMatch(/Approximate \(bisection to 1e-9 relative\)/);
    expectBracket(s, r, 'self', 'npv');
  });

  it('an option neither strategy uses', () => {
    const s = model({
      ...WORKED_EXAMPLE,
      options: [
        ...WORKED_EXAMPLE.options,
        { kind: 'api', id: 'other', inputPerM: 1, outputPerM: 2 },
      ],
    });
    const r = seek(s, input('option/other/outputPerM'));
    expect(r.kind).toBe('none');
    expect(r.explanation).toMatch(/is used by neither "all-api" nor "self"/);
    const scale = seek(s, { kind: 'apiPriceScale', optionId: 'other' });
    expect(scale.kind).toBe('none');
  });

  it('an input that changes nothing: the cached share when neither uses the API cache', () => {
    const s = model({
      ...WORKED_EXAMPLE,
      options: [{ ...WORKED_EXAMPLE.options[0], cachedInputPerM: 1.25 }, WORKED_EXAMPLE.options[1]],
    });
    const r = seek(s, input('workload/w/cachedInputShare'));
    expect(r.kind).toBe('none');
    expect(r.explanation).toMatch(/does not change the gap/);
  });

  it('refuses an unknown strategy, the baseline, an unknown input and a scale of the wrong kind', () => {
    const s = example(50e6);
    expect(goalSeek(s, 'nope', { kind: 'volumeScale' }).ok).toBe(false);
    expect(goalSeek(s, 'all-api', { kind: 'volumeScale' }).ok).toBe(false);
    expect(goalSeek(s, 'self', input('workload/nope/tokensPerDay')).ok).toBe(false);
    expect(goalSeek(s, 'self', { kind: 'apiPriceScale', optionId: 'h100' }).ok).toBe(false);
    expect(goalSeek(s, 'self', { kind: 'gpuPriceScale', optionId: 'api' }).ok).toBe(false);
  });

  it('writes every amount and value as plain decimals, never exponent notation', () => {
    const s = example(1e12);
    const results = [
      seek(s, { kind: 'volumeScale' }),
      seek(s, input('option/h100/targetUtilization')),
      seek(example(50e6), input('option/h100/gpu.hourlyPerGpu')),
    ];
    for (const r of results) {
      const text = JSON.stringify({ ...r, explanation: '' });
      expect(text).not.toMatch(/\d[eE][+-]?\d/);
    }
  });
});

describe('regressions', () => {
  it('the engineer cost on the NPV: every value is costed with its own staff cost', () => {
    // fast-check seed 1614398296: the timeline's cache of self-hosted month costs was shared by
    // every value tried, keyed by the option object, which the engineer cost (a setting) leaves
    // unchanged; so every value was costed with the staff cost of the first. The stale gap was
    // still linear and had a root (3,356,270), where the real gap is +305,627.80.
    // Real gap: C - B = 12 · (300 + 0.1 F / 12) - 12 · (usage + 0.01 F / 12) = 3,563.50 + 0.09 F
    // (usage 100,000 · 365/12 / 1e6 · 1 = 3.041667 a month), positive for every F >= 0.
    const s = model({
      format: 'llm-tco-scenario',
      version: 1,
      settings: {
        daysPerYear: 365,
        fteCostPerYear: 299992,
        horizonMonths: 12,
        discountRatePerYear: 0,
      },
      workloads: [{ id: 'w1', tokensPerDay: 100000, inputShare: 0.05 }],
      options: [
        {
          kind: 'api',
          id: 'api',
          inputPerM: 1,
          outputPerM: 1,
          cachedInputPerM: 0,
          integrationFte: 0.01,
        },
        {
          kind: 'selfHost',
          id: 'gpu-1',
          gpu: { mode: 'monthly', monthlyPerGpu: 300 },
          prefillTokensPerSec: 500000,
          decodeTokensPerSec: 200000,
          targetUtilization: 0.5,
          minReplicas: 0,
          engineeringFte: [{ fromTokensPerDay: 0, fte: 0.1 }],
        },
      ],
      strategies: [
        { id: 'all-api', routes: [{ workloadId: 'w1', optionId: 'api', share: 1 }] },
        { id: 'self', routes: [{ workloadId: 'w1', optionId: 'gpu-1', share: 1 }] },
        { id: 'mixed', routes: [{ workloadId: 'w1', optionId: 'api', share: 1 }] },
      ],
    });
    const r = seek(s, input('settings/fteCostPerYear'), 'npv');
    expect(r.kind).toBe('none');
    if (r.kind !== 'none') return;
    expect(r.gapNow).toBe(gapWith(s, [], 'self', 'npv').toFixed());
    expect(new Dec(r.atLow.gap).toDecimalPlaces(2).toFixed(2)).toBe('3563.50');
    expect(new Dec(r.atHigh.gap).toFixed()).toBe(
      gapWith(s, r.atHigh.applied, 'self', 'npv').toFixed(),
    );
    // On the run-rate (no timeline cache) the answer was already right: no value either.
    expect(seek(s, input('settings/fteCostPerYear'), 'runRate').kind).toBe('none');
  });
});

/** An 'approximate' result brackets a sign change within 1e-9 relative (re-evaluated). */
function expectBracket(
  s: Scenario,
  r: Extract<GoalSeekResult, { kind: 'approximate' }>,
  id: string,
  measure: GoalSeekMeasure,
): void {
  const low = new Dec(r.low.value);
  const high = new Dec(r.high.value);
  expect(high.greaterThan(low)).toBe(true);
  expect(high.minus(low).lessThanOrEqualTo(Dec.max(low.abs(), high.abs()).mul('1e-9'))).toBe(true);
  const value = new Dec(r.value);
  expect(value.greaterThanOrEqualTo(low) && value.lessThanOrEqualTo(high)).toBe(true);
  const gLow = gapWith(s, r.low.applied, id, measure);
  const gHigh = gapWith(s, r.high.applied, id, measure);
  expect(gLow.mul(gHigh).isNegative(), `${gLow.toFixed()} and ${gHigh.toFixed()}`).toBe(true);
  expect(gLow.toFixed()).toBe(new Dec(r.low.gap).toFixed());
}

describe('properties on random scenarios', () => {
  const targetArb = (s: Scenario, pick: number, kind: number): GoalSeekTarget => {
    if (kind % 4 === 1) return { kind: 'apiPriceScale', optionId: 'api' };
    if (kind % 4 === 2) return { kind: 'gpuPriceScale', optionId: 'gpu-1' };
    const inputs = listNumericInputs(s).filter((i) => i.affects === 'runRate');
    const chosen = inputs[pick % inputs.length];
    if (!chosen) throw new Error('no inputs');
    return { kind: 'input', ref: chosen.ref };
  };

  it("an 'exact' answer makes the costs equal to the cent; 'approximate' brackets a sign change; a step has a sign change", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        scenarioArb(),
        fc.constantFrom('self', 'mixed'),
        fc.nat(),
        fc.nat(),
        (doc, id, pick, kind) => {
          const s = model(doc);
          const target = targetArb(s, pick, kind);
          const r = seek(s, target, 'runRate', id);
          seen.add(r.kind);
          if (r.kind === 'exact') {
            expect(gapWith(s, r.applied, id, 'runRate').abs().lessThanOrEqualTo('0.005')).toBe(
              true,
            );
          } else if (r.kind === 'approximate') {
            expectBracket(s, r, id, 'runRate');
          } else if (r.kind === 'step') {
            const below = gapWith(s, r.below.applied, id, 'runRate');
            const above = gapWith(s, r.above.applied, id, 'runRate');
            expect(below.mul(above).isNegative()).toBe(true);
            expect(below.minus(above).abs().greaterThan('0.01')).toBe(true);
          } else {
            expect(r.explanation.length).toBeGreaterThan(20);
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(seen.has('exact')).toBe(true);
  });

  it("on the NPV too: 'exact' is equal to the cent when re-evaluated", () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), fc.nat(), (doc, pick, kind) => {
        const s = model(doc);
        const target = targetArb(s, pick, kind);
        const r = seek(s, target, 'npv', 'self');
        if (r.kind === 'exact') {
          expect(gapWith(s, r.applied, 'self', 'npv').abs().lessThanOrEqualTo('0.005')).toBe(true);
        } else if (r.kind === 'approximate') {
          expectBracket(s, r, 'self', 'npv');
        }
      }),
      { numRuns: 12 },
    );
  });

  it('the volume scale on the run-rate agrees with the break-even of the evaluation', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.constantFrom('self', 'mixed'), (doc, id) => {
        const s = model(doc);
        const be = evaluateModel(s).strategies.find((x) => x.id === id)?.vsBaseline?.breakEven;
        const r = seek(s, { kind: 'volumeScale' }, 'runRate', id);
        expect(r.breakEven).toEqual(be?.kind === 'never' ? { kind: 'never' } : be);
        if (be?.kind === 'at') {
          expect(r.kind === 'exact' || r.kind === 'step').toBe(true);
          if (r.kind === 'exact' || r.kind === 'step') expect(r.tokensPerDay).toBe(be.tokensPerDay);
          if (r.kind === 'exact') {
            expect(gapWith(s, r.applied, id, 'runRate').abs().lessThanOrEqualTo('0.005')).toBe(
              true,
            );
          }
        } else {
          expect(r.kind).toBe('none');
        }
      }),
      { numRuns: 40 },
    );
  });
});
