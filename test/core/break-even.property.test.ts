/**
 * Property tests of the break-even search (DESIGN 3.5) and of the run-rate (DESIGN 3.2-3.4) against an
 * independent brute-force oracle (./brute-force.ts) that enumerates every replica step and staff
 * threshold below 1e12 tokens/day and solves each piece exactly in rationals.
 *
 * Black-box: only `evaluateScenario` from src/index.ts is used.
 *
 * The regressions below are shrunk counterexamples that once failed (a step point rounded onto a
 * window's end stopped the step scan; a touch at a step was reported as two crossings).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateScenario } from '../../src/index';
import {
  D,
  Q,
  assertClose,
  atTotalVolume,
  breakEvenOracle,
  closeTo,
  compareBreakEven,
  costAt,
  replicasAt,
  sawtoothArb,
  scaleVolumes,
  scenarioArb,
  stateFromCrossings,
  strategyModel,
  totalVolume,
  type Dec,
  type ScenarioIn,
  type StrategyIn,
} from './brute-force';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

function evaluate(s: unknown): Json {
  const r = evaluateScenario(s) as Json;
  if (!r.ok) throw new Error(`scenario rejected: ${JSON.stringify(r.errors)}`);
  return r.result;
}

/** Volumes are compared as decimals within a relative 1e-20 (the engine works at 40 digits). */
const VOL_REL = '1e-20';
/** Money computed two ways agrees to far more than a cent. */
const MONEY_REL = '1e-30';

function checkAgainstOracle(s: ScenarioIn, result: Json, idx: number): void {
  const mismatch = compareBreakEven(s, result.strategies[idx].vsBaseline, idx, VOL_REL);
  if (mismatch) throw new Error(mismatch);
}

/** Run-rate and capacity at today's volume against the oracle. */
function checkRunRate(s: ScenarioIn, result: Json, idx: number): void {
  const m = strategyModel(s, idx);
  const T0 = totalVolume(s);
  const r = result.strategies[idx];
  assertClose(`runRate.total of ${m.id}`, r.runRate.total, costAt(m, T0), MONEY_REL);
  for (const h of m.hosts) {
    const cap = (r.capacity as Json[]).find((c) => c.optionId === h.optionId);
    expect(cap, `capacity of ${h.optionId}`).toBeDefined();
    const replicas = replicasAt(h, T0);
    expect(cap.replicas).toBe(Number(replicas));
    expect(cap.gpus).toBe(Number(replicas * h.gpusPerReplica));
    if (replicas > 0n)
      assertClose(
        `utilization of ${h.optionId}`,
        cap.utilization,
        T0.mul(h.xPerT).div(new Q(replicas)),
        MONEY_REL,
      );
  }
  expect((r.capacity as Json[]).length).toBe(m.hosts.length);
  if (idx > 0) {
    const base = costAt(strategyModel(s, 0), T0);
    assertClose(
      `runRateSavings of ${m.id}`,
      r.vsBaseline.runRateSavings,
      base.sub(costAt(m, T0)),
      MONEY_REL,
      '1e-25',
    );
  }
}

/**
 * Oracle-free consistency: at volume T, the side of the baseline implied by the engine's own crossings
 * must match the sign of C - B in the engine's own run-rate for the scenario scaled to T.
 */
function engineSideAt(
  s: ScenarioIn,
  idx: number,
  T: Dec | string,
): { implied: '+' | '-'; actual: '+' | '-'; diff: Dec; total: Dec } {
  const vs = evaluate(s).strategies[idx].vsBaseline;
  const { scenario, total } = atTotalVolume(s, T);
  const r = evaluate(scenario);
  const diff = new D(r.strategies[idx].runRate.total).sub(r.strategies[0].runRate.total);
  return { implied: stateFromCrossings(vs, total), actual: diff.gt(0) ? '+' : '-', diff, total };
}
function expectEngineConsistentAt(s: ScenarioIn, idx: number, T: Dec | string): void {
  const { implied, actual, diff, total } = engineSideAt(s, idx, T);
  expect(
    implied,
    `at ${total.toFixed()} tokens/day the engine's run-rate gives C - B = ${diff.toSignificantDigits(10).toFixed()}, but its crossings say "${implied}"`,
  ).toBe(actual);
}

/** Every decimal string in `a` is close to the one at the same place in `b`; everything else is equal. */
function expectDeepClose(a: unknown, b: unknown, path = '$', rel = '1e-25'): void {
  if (
    typeof a === 'string' &&
    typeof b === 'string' &&
    /^-?\d+(\.\d+)?$/.test(a) &&
    /^-?\d+(\.\d+)?$/.test(b)
  ) {
    if (!closeTo(a, b, rel, '1e-24')) throw new Error(`${path}: ${a} vs ${b}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) throw new Error(`${path}: length ${a.length} vs ${b.length}`);
    a.forEach((x, j) => expectDeepClose(x, b[j], `${path}[${j}]`, rel));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    expect(ka, path).toEqual(kb);
    for (const k of ka) expectDeepClose((a as Json)[k], (b as Json)[k], `${path}.${k}`, rel);
    return;
  }
  expect(a, path).toEqual(b);
}

/** strategies reordered so that strategies[0] (the baseline) is `order[0]`. */
const reorder = (s: ScenarioIn, order: number[]): ScenarioIn => ({
  ...s,
  strategies: order.map((j) => s.strategies[j]!),
});

describe('break-even against a brute-force oracle (DESIGN 3.5)', () => {
  it('the oracle reproduces the worked example of DESIGN 3.6a, and so does the engine', () => {
    const s: ScenarioIn = {
      format: 'llm-tco-scenario',
      version: 1,
      settings: {
        daysPerYear: 365,
        fteCostPerYear: 200000,
        horizonMonths: 12,
        discountRatePerYear: 0,
      },
      workloads: [
        {
          id: 'w',
          tokensPerDay: 50000000,
          inputShare: 0.8,
          cachedInputShare: 0.25,
          batchShare: 0,
          peakToAverage: 2,
        },
      ],
      options: [
        {
          kind: 'api',
          id: 'api',
          inputPerM: 1.25,
          outputPerM: 10,
          cachedInputPerM: 0.125,
          integrationFte: 0.1,
        },
        {
          kind: 'selfHost',
          id: 'h100',
          gpu: { mode: 'hourly', hourlyPerGpu: 2.5 },
          prefillTokensPerSec: 10000,
          decodeTokensPerSec: 1500,
          targetUtilization: 0.75,
          minReplicas: 1,
          storagePerMonth: 300,
          monitoringPerMonth: 200,
          monitoringPerGpuMonth: 10,
          engineeringFte: [{ fromTokensPerDay: 0, fte: 0.5 }],
        },
      ],
      strategies: [
        { id: 'all-api', routes: [{ workloadId: 'w', optionId: 'api', share: 1 }] },
        { id: 'self', routes: [{ workloadId: 'w', optionId: 'h100', share: 1 }] },
      ],
    };
    const o = breakEvenOracle(s, 1);
    expect(o.breakEven.kind).toBe('at');
    if (o.breakEven.kind === 'at')
      expect(o.breakEven.tokensPerDay.toDec().toFixed(2)).toBe('106646920.89');
    expect(o.crossings.map((c) => c.direction)).toEqual(['down']);
    expect(costAt(strategyModel(s, 1), totalVolume(s)).toDec().toFixed(2)).toBe('10668.33');
    expect(costAt(strategyModel(s, 0), totalVolume(s)).toDec().toFixed(2)).toBe('5886.98');
    const result = evaluate(s);
    checkAgainstOracle(s, result, 1);
    checkRunRate(s, result, 1);
  });

  it('matches the oracle on random scenarios: all self-hosted against all API; run-rates and capacity of every strategy', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const result = evaluate(s);
        for (let idx = 0; idx < s.strategies.length; idx++) checkRunRate(s, result, idx);
        checkAgainstOracle(s, result, 1);
      }),
      { numRuns: 150 },
    );
  });

  it("the engine's crossings agree with its own run-rate between crossings (self-hosted against API)", () => {
    fc.assert(
      fc.property(scenarioArb(), fc.integer({ min: 1, max: 999 }), (s, k) => {
        const vs = evaluate(s).strategies[1].vsBaseline;
        const points: Dec[] = [new D(k).mul(1e9)];
        const cs = vs.crossings as Json[];
        cs.forEach((c, j) => {
          const next = j + 1 < cs.length ? new D(cs[j + 1].tokensPerDay) : new D(1e12);
          points.push(new D(c.tokensPerDay).add(next).div(2));
        });
        if (cs.length > 0) points.push(new D(cs[0].tokensPerDay).div(2));
        for (const T of points) expectEngineConsistentAt(s, 1, T);
      }),
      { numRuns: 60 },
    );
  });

  // Mixed strategies and self-hosted baselines: several windows where C is cheaper.
  it('matches the oracle for mixed challengers and self-hosted or mixed baselines', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        for (const order of [
          [0, 1, 2],
          [1, 0, 2],
          [2, 0, 1],
        ]) {
          const t = reorder(s, order);
          const result = evaluate(t);
          for (let idx = 1; idx < t.strategies.length; idx++) {
            if (order[0] === 0 && idx === 1) continue; // covered by the property above
            checkAgainstOracle(t, result, idx);
          }
        }
      }),
      { numRuns: 100, endOnFailure: true },
    );
  });

  // Sawtooth cost curves: many windows where C is cheaper.
  it('matches the oracle on sawtooth scenarios with many crossings', () => {
    fc.assert(
      fc.property(sawtoothArb(), (s) => {
        const t = reorder(s, [0, 1]);
        checkAgainstOracle(t, evaluate(t), 1);
      }),
      { numRuns: 100, endOnFailure: true },
    );
  });

  /*
   * A hand-checked sawtooth. One workload of output tokens only, daysPerYear 360 (30 days a month),
   * decode 1,000,000 tokens/s, utilization 1, peak 1: a replica serves S = 86.4e9 tokens/day. A replica
   * costs R = 2,592 a month, minReplicas 0, no other costs, so C = j*R on ((j-1)S, jS]. The API costs
   * price * T * 30 / 1e6 a month; at a price of 0.001 it costs exactly R per S tokens/day.
   */
  function sawtooth(price: string): ScenarioIn {
    return {
      format: 'llm-tco-scenario',
      version: 1,
      settings: {
        daysPerYear: 360,
        fteCostPerYear: 240000,
        horizonMonths: 12,
        discountRatePerYear: 0,
      },
      workloads: [{ id: 'w', tokensPerDay: 1000000000, inputShare: 0 }],
      options: [
        { kind: 'api', id: 'api', inputPerM: price, outputPerM: price },
        {
          kind: 'selfHost',
          id: 'gpu',
          gpu: { mode: 'monthly', monthlyPerGpu: 2592 },
          prefillTokensPerSec: 1000000,
          decodeTokensPerSec: 1000000,
          targetUtilization: 1,
          minReplicas: 0,
        },
      ],
      strategies: [
        { id: 'api', routes: [{ workloadId: 'w', optionId: 'api', share: 1 }] },
        { id: 'self', routes: [{ workloadId: 'w', optionId: 'gpu', share: 1 }] },
      ],
    };
  }
  const S = new D('86400000000');

  // A touch (C - B falls to exactly 0 at one volume and rises again) is not a crossing.
  it('a cost curve that only touches the baseline at each replica step has no crossings and never breaks even', () => {
    // price 0.001: C - B = R*j - R*T/S > 0 inside every step, exactly 0 at each step volume jS.
    const s = sawtooth('0.001');
    const o = breakEvenOracle(s, 1);
    expect(o.breakEven.kind).toBe('never');
    expect(o.crossings).toEqual([]);
    const got = evaluate(s).strategies[1].vsBaseline;
    expect(got.breakEven.kind).toBe('never');
    expect(got.crossings).toEqual([]);
  });

  it('a hand-checked sawtooth: 19 crossings and a break-even at 10S/1.1', () => {
    // price 0.0011 (10% dearer per replica's volume): on piece j, C - B = jR - 1.1 R T / S.
    // Down crossings at jS/1.1 for j = 1..10; up crossings at the steps jS for j = 1..9 (at 10S the
    // next piece starts exactly at 0 and falls, so it stays "no dearer").
    const s = sawtooth('0.0011');
    const expected: { tokensPerDay: string; direction: string }[] = [];
    for (let j = 1; j <= 10; j++) {
      expected.push({ tokensPerDay: S.mul(j).div('1.1').toString(), direction: 'down' });
      if (j <= 9) expected.push({ tokensPerDay: S.mul(j).toString(), direction: 'up' });
    }
    const o = breakEvenOracle(s, 1);
    expect(o.crossings.map((c) => c.direction)).toEqual(expected.map((c) => c.direction));
    o.crossings.forEach((c, j) =>
      expect(closeTo(c.tokensPerDay, expected[j]!.tokensPerDay, '1e-40')).toBe(true),
    );
    const got = evaluate(s).strategies[1].vsBaseline;
    expect(got.breakEven.kind).toBe('at');
    assertClose('breakEven', got.breakEven.tokensPerDay, S.mul(10).div('1.1'), VOL_REL);
    expect(got.crossings.map((c: Json) => c.direction)).toEqual(expected.map((c) => c.direction));
    expected.forEach((c, j) =>
      assertClose(`crossing ${j}`, got.crossings[j].tokensPerDay, c.tokensPerDay, VOL_REL),
    );
  });
});

/*
 * Regressions: shrunk counterexamples of the properties above. Each is checked twice: against the
 * oracle, and (oracle-free) against the engine's own run-rate at a few volumes.
 */
describe('break-even regressions (engine bugs)', () => {
  const sel = (o: Partial<Json>): Json => ({
    kind: 'selfHost',
    gpusPerReplica: '1',
    storagePerMonth: '0',
    storagePerGpuMonth: '0',
    monitoringPerMonth: '0',
    monitoringPerGpuMonth: '0',
    engineeringFte: [{ fromTokensPerDay: '0', fte: '0' }],
    fineTuningPerMonth: '0',
    ...o,
  });
  const settings = (daysPerYear: string, fteCostPerYear: string) => ({
    daysPerYear,
    fteCostPerYear,
    horizonMonths: '12',
    discountRatePerYear: '0',
  });
  const wl = (
    id: string,
    tokensPerDay: string,
    inputShare: string,
    peakToAverage = '1',
    cachedInputShare = '0',
    batchShare = '0',
  ) => ({
    id,
    tokensPerDay,
    inputShare,
    cachedInputShare,
    batchShare,
    peakToAverage,
    growthPerMonth: '0',
  });
  const all = (id: string, optionId: string, workloads: string[]): StrategyIn => ({
    id,
    routes: workloads.map((w) => ({ workloadId: w, optionId, share: '1' })),
  });

  /** Sawtooth: C is cheaper in a thin window before each of 78 replica steps; the engine sees 2. */
  const missedWindows: ScenarioIn = {
    format: 'llm-tco-scenario',
    version: 1,
    settings: settings('365', '122144'),
    workloads: [wl('w1', '100000', '0.3'), wl('w2', '1277674310', '0.05', '1.05')],
    options: [
      {
        kind: 'api',
        id: 'api',
        inputPerM: '0.00078162518',
        outputPerM: '0.00078162518',
        cachedInputPerM: '0.00078162518',
      },
      sel({
        id: 'gpu-1',
        gpu: { mode: 'monthly', monthlyPerGpu: '300' },
        prefillTokensPerSec: '500009',
        decodeTokensPerSec: '288670',
        targetUtilization: '0.52',
        minReplicas: '2',
      }),
    ],
    strategies: [all('all-api', 'api', ['w1', 'w2']), all('self', 'gpu-1', ['w1', 'w2'])],
  };

  it('missed windows: 156 crossings (the engine reports 4, the last an "up" at exactly 1e12)', () => {
    checkAgainstOracle(missedWindows, evaluate(missedWindows), 1);
  });

  it("missed windows contradict the engine's own run-rate", () => {
    // C - B = -0.0000002 at 37,855,793,110 (a window the engine misses) and +203.01 at 900e9, where
    // the engine's crossings (down at 517,362,505,701; up at 1e12) claim C is no dearer
    expectEngineConsistentAt(missedWindows, 1, '37855793110');
    expectEngineConsistentAt(missedWindows, 1, '900000000000');
  });

  it("the engine's run-rate itself agrees with the oracle at those volumes", () => {
    for (const T of ['37855793110', '900000000000', '999999999999']) {
      const { scenario, total } = atTotalVolume(missedWindows, T);
      const r = evaluate(scenario);
      const diff = new D(r.strategies[1].runRate.total).sub(r.strategies[0].runRate.total);
      const want = costAt(strategyModel(scenario, 1), Q.of(total.toFixed())).sub(
        costAt(strategyModel(scenario, 0), Q.of(total.toFixed())),
      );
      assertClose(`C - B at ${T}`, diff, want, MONEY_REL, '1e-20');
    }
  });

  /** A mixed baseline: all API breaks even at 752,787,638,602.37 tokens/day; the engine says 838,740,506,813.75. */
  const wrongBreakEven: ScenarioIn = {
    format: 'llm-tco-scenario',
    version: 1,
    settings: settings('360', '235511'),
    workloads: [
      wl('w1', '1999999976', '0.62', '2.48', '1', '0.95'),
      wl('w2', '1637599087', '0.74', '1.09', '0.45', '0.98'),
    ],
    options: [
      {
        kind: 'api',
        id: 'api',
        inputPerM: '1.04',
        outputPerM: '0.00107',
        batchDiscount: '0.47',
        integrationFte: '0.13',
        fineTuningPerMonth: '62.23',
        cachedInputPerM: '0',
      },
      sel({
        id: 'gpu-1',
        gpu: { mode: 'hourly', hourlyPerGpu: '5.98' },
        gpusPerReplica: '8',
        prefillTokensPerSec: '4999978',
        decodeTokensPerSec: '1625609',
        targetUtilization: '0.5',
        minReplicas: '1',
        storagePerMonth: '126.65',
        storagePerGpuMonth: '0.11',
        monitoringPerMonth: '370.48',
        monitoringPerGpuMonth: '31.61',
        engineeringFte: [
          { fromTokensPerDay: '0', fte: '0.1' },
          { fromTokensPerDay: '406246000000', fte: '3.1' },
        ],
        fineTuningPerMonth: '0.04',
      }),
    ],
    strategies: [
      {
        id: 'mixed',
        routes: [
          { workloadId: 'w1', optionId: 'api', share: '0.16' },
          { workloadId: 'w1', optionId: 'gpu-1', share: '0.84' },
          { workloadId: 'w2', optionId: 'api', share: '0.95' },
          { workloadId: 'w2', optionId: 'gpu-1', share: '0.05' },
        ],
      },
      all('all-api', 'api', ['w1', 'w2']),
    ],
  };

  it('wrong break-even volume: all-API against a mixed baseline breaks even at 752,787,638,602.37', () => {
    const o = breakEvenOracle(wrongBreakEven, 1);
    expect(o.breakEven.kind === 'at' && o.breakEven.tokensPerDay.toDec().toFixed(2)).toBe(
      '752787638602.37',
    );
    const got = evaluate(wrongBreakEven).strategies[1].vsBaseline;
    expect(got.breakEven.kind).toBe('at');
    assertClose(
      'breakEven',
      got.breakEven.tokensPerDay,
      o.breakEven.kind === 'at' ? o.breakEven.tokensPerDay : Q.ZERO,
      VOL_REL,
    );
    checkAgainstOracle(wrongBreakEven, evaluate(wrongBreakEven), 1);
  });

  it("wrong break-even volume contradicts the engine's own run-rate", () => {
    // the engine's run-rate: C - B = +11,807.57 at 752e9, -22,733.60 at 753e9, -15,335.91 at 800e9
    // (C no dearer from 752.8e9 on); its break-even (838.7e9) and crossings say C is dearer at 800e9
    expectEngineConsistentAt(wrongBreakEven, 1, '800000000000');
    expectEngineConsistentAt(wrongBreakEven, 1, '460000000000');
  });

  /** A self-hosted baseline against a mixed split of the same option: the second window is missed. */
  const selfBaseline: ScenarioIn = {
    format: 'llm-tco-scenario',
    version: 1,
    settings: settings('360', '135323'),
    workloads: [
      wl('w1', '100000', '0.05'),
      wl('w2', '203094438', '0.05'),
      wl('w3', '100000', '0.05'),
    ],
    options: [
      { kind: 'api', id: 'api', inputPerM: '1', outputPerM: '1', cachedInputPerM: '0' },
      sel({
        id: 'gpu-1',
        gpu: { mode: 'monthly', monthlyPerGpu: '300' },
        gpusPerReplica: '2',
        prefillTokensPerSec: '500000',
        decodeTokensPerSec: '255545',
        targetUtilization: '0.66',
        minReplicas: '1',
      }),
    ],
    strategies: [
      all('self', 'gpu-1', ['w1', 'w2', 'w3']),
      {
        id: 'mixed',
        routes: [
          { workloadId: 'w1', optionId: 'gpu-1', share: '1' },
          { workloadId: 'w2', optionId: 'gpu-1', share: '1' },
          { workloadId: 'w3', optionId: 'api', share: '0.91' },
          { workloadId: 'w3', optionId: 'gpu-1', share: '0.09' },
        ],
      },
    ],
  };

  it('self-hosted baseline: the window at 29,874,698,092 - 29,888,076,790 tokens/day is missed', () => {
    checkAgainstOracle(selfBaseline, evaluate(selfBaseline), 1);
  });

  it("self-hosted baseline: the missed window contradicts the engine's own run-rate", () => {
    // engine run-rate: C - B = -198.82 at 29,874,698,100; its crossings say C is dearer from 14.94e9 on
    expectEngineConsistentAt(selfBaseline, 1, '29874698100');
  });

  /** A crossing reported where nothing changes: "up" at 15,034,780,031.8 instead of 12,612,648,031.04. */
  const misplacedCrossing: ScenarioIn = {
    format: 'llm-tco-scenario',
    version: 1,
    settings: settings('365', '172146'),
    workloads: [wl('w1', '1254154554', '0.29', '2.91', '0.03', '0.43')],
    options: [
      {
        kind: 'api',
        id: 'api',
        inputPerM: '0.036710184',
        outputPerM: '0.036710184',
        cachedInputPerM: '0.036710184',
        integrationFte: '0.35',
        fineTuningPerMonth: '499.91',
      },
      sel({
        id: 'gpu-1',
        gpu: { mode: 'monthly', monthlyPerGpu: '1167.98' },
        gpusPerReplica: '7',
        prefillTokensPerSec: '500009',
        decodeTokensPerSec: '200005',
        targetUtilization: '0.5',
        minReplicas: '1',
        storagePerMonth: '698.7',
        storagePerGpuMonth: '30.84',
        monitoringPerMonth: '610.51',
        monitoringPerGpuMonth: '14.63',
        engineeringFte: [
          { fromTokensPerDay: '0', fte: '0' },
          { fromTokensPerDay: '209451000000', fte: '5.7' },
          { fromTokensPerDay: '272152000000', fte: '0.7' },
          { fromTokensPerDay: '490524000000', fte: '0.2' },
        ],
        fineTuningPerMonth: '748.75',
      }),
    ],
    strategies: [all('all-api', 'api', ['w1']), all('self', 'gpu-1', ['w1'])],
  };

  it('misplaced crossing: the fourth crossing is "up" at 12,612,648,031.04 (the second replica step)', () => {
    checkAgainstOracle(misplacedCrossing, evaluate(misplacedCrossing), 1);
  });

  it("misplaced crossing contradicts the engine's own run-rate", () => {
    // engine run-rate: C - B = +7,503.76 at 13e9; its crossings say C is no dearer until 15.03e9
    expectEngineConsistentAt(misplacedCrossing, 1, '13000000000');
  });
});

describe('run-rate properties (DESIGN 3.2-3.4)', () => {
  it('API cost never falls as volume rises', () => {
    fc.assert(
      fc.property(
        scenarioArb(),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        (s, a, b) => {
          const lo = Math.min(a, b);
          const hi = Math.max(a, b);
          const r1 = evaluate(scaleVolumes(s, Q.of(lo).div(Q.of(100))));
          const r2 = evaluate(scaleVolumes(s, Q.of(hi).div(Q.of(100))));
          for (let j = 0; j < s.strategies.length; j++) {
            expect(new D(r2.strategies[j].runRate.api).gte(r1.strategies[j].runRate.api)).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  function doublePrices(s: ScenarioIn): ScenarioIn {
    const two = Q.of(2);
    return {
      ...s,
      options: s.options.map((o) =>
        o.kind === 'api'
          ? {
              ...o,
              inputPerM: Q.of(o.inputPerM).mul(two).toString(),
              outputPerM: Q.of(o.outputPerM).mul(two).toString(),
              cachedInputPerM: Q.of(o.cachedInputPerM ?? o.inputPerM)
                .mul(two)
                .toString(),
            }
          : o,
      ),
    };
  }

  it('doubling every API price doubles runRate.api exactly (30-day months: every amount is a short decimal)', () => {
    fc.assert(
      fc.property(scenarioArb(), (s0) => {
        const s: ScenarioIn = { ...s0, settings: { ...s0.settings, daysPerYear: '360' } };
        const r1 = evaluate(s);
        const r2 = evaluate(doublePrices(s));
        for (let j = 0; j < s.strategies.length; j++) {
          const a = new D(r1.strategies[j].runRate.api).mul(2);
          expect(r2.strategies[j].runRate.api, `strategy ${j}`).toBe(a.toFixed());
        }
      }),
      { numRuns: 100 },
    );
  });

  it('doubling every API price doubles runRate.api (365-day years: to the last of 40 digits)', () => {
    fc.assert(
      fc.property(scenarioArb(), (s0) => {
        const s: ScenarioIn = { ...s0, settings: { ...s0.settings, daysPerYear: '365' } };
        const r1 = evaluate(s);
        const r2 = evaluate(doublePrices(s));
        for (let j = 0; j < s.strategies.length; j++) {
          assertClose(
            `strategy ${j}`,
            r2.strategies[j].runRate.api,
            new D(r1.strategies[j].runRate.api).mul(2),
            '1e-38',
            '0',
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a strategy compared with an identical copy of itself is "always", with no crossings and zero savings', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.constantFrom(0, 1, 2), (s, which) => {
        const orig = s.strategies[which]!;
        const copy: StrategyIn = {
          ...orig,
          id: 'copy',
          routes: orig.routes.map((r) => ({ ...r })),
        };
        const t: ScenarioIn = { ...s, strategies: [orig, copy] };
        const got = evaluate(t).strategies[1].vsBaseline;
        expect(got.breakEven).toEqual({ kind: 'always' });
        expect(got.crossings).toEqual([]);
        expect(new D(got.runRateSavings).isZero()).toBe(true);
        expect(new D(got.npvSavings).isZero()).toBe(true);
        expect(got.paybackMonth).toBe(1);
      }),
      { numRuns: 60 },
    );
  });

  it('splitting every route 50/50 into two routes to the same option changes no result', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const split: ScenarioIn = {
          ...s,
          strategies: s.strategies.map((st) => ({
            ...st,
            routes: st.routes.flatMap((r) => {
              const half = Q.of(r.share).div(Q.of(2)).toString();
              return [
                { ...r, share: half },
                { ...r, share: half },
              ];
            }),
          })),
        };
        expectDeepClose(evaluate(split), evaluate(s));
      }),
      { numRuns: 60 },
    );
  });

  it('runRate.total is the sum of its parts, and savings are baseline minus strategy', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const r = evaluate(s);
        for (const st of r.strategies as Json[]) {
          const rr = st.runRate;
          const parts = ['api', 'gpu', 'storage', 'monitoring', 'engineering', 'fineTuning'];
          for (const p of parts) expect(/^-?\d+(\.\d+)?$/.test(rr[p]), `${p}=${rr[p]}`).toBe(true);
          const sum = parts.reduce((acc, p) => acc.add(rr[p]), new D(0));
          assertClose(`${st.id} total`, rr.total, sum, MONEY_REL);
          if (st.vsBaseline) {
            const base = r.strategies[0].runRate.total;
            assertClose(
              `${st.id} runRateSavings`,
              st.vsBaseline.runRateSavings,
              new D(base).sub(rr.total),
              MONEY_REL,
              '1e-25',
            );
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('break-even regressions found by the random properties', () => {
  // A near-touch: C - B came within rounding noise of zero at a step and turned back; the two
  // crossings at the same volume (equal to 30 digits, not to 40) were listed instead of dropped.
  // fast-check seed 584884867, path 710 (mixed challenger against a self-hosted baseline).
  const nearTouch = {
    format: 'llm-tco-scenario',
    version: 1,
    name: 'random',
    settings: {
      daysPerYear: '360',
      fteCostPerYear: '173314',
      horizonMonths: '12',
      discountRatePerYear: '0',
    },
    workloads: [
      {
        id: 'w1',
        tokensPerDay: '1499936675',
        inputShare: '0.25',
        cachedInputShare: '0.51',
        batchShare: '0.05',
        peakToAverage: '2.26',
        growthPerMonth: '0',
      },
    ],
    options: [
      {
        kind: 'api',
        id: 'api',
        inputPerM: '0.00206',
        outputPerM: '0.0437',
        batchDiscount: '0.6',
        integrationFte: '0.22',
        fineTuningPerMonth: '124.96',
        cachedInputPerM: '0.001648',
      },
      {
        kind: 'selfHost',
        id: 'gpu-1',
        gpu: { mode: 'hourly', hourlyPerGpu: '4.35' },
        gpusPerReplica: '3',
        prefillTokensPerSec: '2061172',
        decodeTokensPerSec: '340401',
        targetUtilization: '0.53',
        minReplicas: '3',
        storagePerMonth: '999.97',
        storagePerGpuMonth: '7.09',
        monitoringPerMonth: '729.4',
        monitoringPerGpuMonth: '5.54',
        engineeringFte: [
          { fromTokensPerDay: '0', fte: '2.5' },
          { fromTokensPerDay: '147428000000', fte: '3' },
          { fromTokensPerDay: '248867000000', fte: '0.8' },
        ],
        fineTuningPerMonth: '0.12',
      },
      {
        kind: 'selfHost',
        id: 'gpu-2',
        gpu: {
          mode: 'buy',
          purchasePerGpu: '39986',
          amortizationMonths: '45',
          residualShare: '0.29',
          powerKwPerGpu: '1.39',
          pue: '1.11',
          pricePerKwh: '0.299',
          hostingPerGpuMonth: '151.6',
        },
        gpusPerReplica: '5',
        prefillTokensPerSec: '2394105',
        decodeTokensPerSec: '1083735',
        targetUtilization: '0.5',
        minReplicas: '2',
        storagePerMonth: '0.08',
        storagePerGpuMonth: '12.16',
        monitoringPerMonth: '358.47',
        monitoringPerGpuMonth: '8.44',
        engineeringFte: [{ fromTokensPerDay: '0', fte: '3' }],
        fineTuningPerMonth: '631.78',
      },
    ],
    strategies: [
      { id: 'all-api', routes: [{ workloadId: 'w1', optionId: 'api', share: '1' }] },
      { id: 'self', routes: [{ workloadId: 'w1', optionId: 'gpu-1', share: '1' }] },
      {
        id: 'mixed',
        routes: [
          { workloadId: 'w1', optionId: 'api', share: '0.94' },
          { workloadId: 'w1', optionId: 'gpu-1', share: '0.06' },
        ],
      },
    ],
  } as unknown as ScenarioIn;

  it('a touch within rounding noise of a step is not two crossings', () => {
    const t = reorder(nearTouch, [1, 0, 2]);
    checkAgainstOracle(t, evaluate(t), 2);
  });

  // An isolated point where C was dearer only by rounding noise (at a step point) was taken as
  // the end of the last dearer stretch, moving the break-even past the last downward crossing.
  // fast-check seed -221856839, path 1415.
  const isolatedPoint = {
    format: 'llm-tco-scenario',
    version: 1,
    name: 'random',
    settings: {
      daysPerYear: '360',
      fteCostPerYear: '110022',
      horizonMonths: '12',
      discountRatePerYear: '0',
    },
    workloads: [
      {
        id: 'w1',
        tokensPerDay: '633424501',
        inputShare: '0.06',
        cachedInputShare: '1',
        batchShare: '0.69',
        peakToAverage: '1.48',
        growthPerMonth: '0',
      },
    ],
    options: [
      {
        kind: 'api',
        id: 'api',
        inputPerM: '0.000258',
        outputPerM: '0.00493',
        batchDiscount: '0.54',
        integrationFte: '0.46',
        fineTuningPerMonth: '415.39',
        cachedInputPerM: '0.00018834',
      },
      {
        kind: 'selfHost',
        id: 'gpu-1',
        gpu: {
          mode: 'buy',
          purchasePerGpu: '37401',
          amortizationMonths: '24',
          residualShare: '0.05',
          powerKwPerGpu: '0.51',
          pue: '1.64',
          pricePerKwh: '0.368',
          hostingPerGpuMonth: '182.16',
        },
        gpusPerReplica: '8',
        prefillTokensPerSec: '785659',
        decodeTokensPerSec: '391094',
        targetUtilization: '0.81',
        minReplicas: '1',
        storagePerMonth: '381.66',
        storagePerGpuMonth: '9.65',
        monitoringPerMonth: '925.55',
        monitoringPerGpuMonth: '5.14',
        engineeringFte: [
          { fromTokensPerDay: '0', fte: '1.8' },
          { fromTokensPerDay: '10000000', fte: '4.6' },
          { fromTokensPerDay: '73859000000', fte: '6' },
        ],
        fineTuningPerMonth: '1008.22',
      },
      {
        kind: 'selfHost',
        id: 'gpu-2',
        gpu: { mode: 'monthly', monthlyPerGpu: '300.13' },
        gpusPerReplica: '5',
        prefillTokensPerSec: '2890269',
        decodeTokensPerSec: '1600238',
        targetUtilization: '0.62',
        minReplicas: '1',
        storagePerMonth: '279.23',
        storagePerGpuMonth: '4.93',
        monitoringPerMonth: '62.63',
        monitoringPerGpuMonth: '39.33',
        engineeringFte: [{ fromTokensPerDay: '0', fte: '3' }],
        fineTuningPerMonth: '1457.04',
      },
    ],
    strategies: [
      { id: 'all-api', routes: [{ workloadId: 'w1', optionId: 'api', share: '1' }] },
      { id: 'self', routes: [{ workloadId: 'w1', optionId: 'gpu-1', share: '1' }] },
      {
        id: 'mixed',
        routes: [
          { workloadId: 'w1', optionId: 'api', share: '0.05' },
          { workloadId: 'w1', optionId: 'gpu-1', share: '0.95' },
        ],
      },
    ],
  } as unknown as ScenarioIn;

  it('an isolated dearer point from rounding noise does not move the break-even', () => {
    const t = reorder(isolatedPoint, [1, 0, 2]);
    checkAgainstOracle(t, evaluate(t), 2);
  });
});
