import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateModel } from '../../src/core/evaluate';
import { fragmentationCost, pooledStrategy } from '../../src/core/fragmentation-cost';
import { computeStrategyRunRate } from '../../src/core/run-rate';
import { workloadAssignments } from '../../src/core/workload-assignments';
import type { Scenario } from '../../src/core/model';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { cents, scenario } from './helpers';

type Obj = Record<string, unknown>;

/** The validated model of a test scenario (fails the test with the errors if it is rejected). */
function model(input: Obj): Scenario {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(`rejected: ${JSON.stringify(v.errors)}`);
  return v.scenario;
}

const route = (workloadId: string, optionId: string, share: number | string = 1) => ({
  workloadId,
  optionId,
  share,
});

/**
 * The self-hosted option of DESIGN 3.6a: one H100 per replica at 2.50/hour (1,825 a GPU-month at
 * 365 days), storage 300, monitoring 200 + 10 per GPU, 0.5 FTE at any volume.
 */
function h100(id: string, extra: Obj = {}): Obj {
  return {
    kind: 'selfHost',
    id,
    name: `Model ${id}`,
    gpu: { mode: 'hourly', hourlyPerGpu: '2.50' },
    gpusPerReplica: 1,
    prefillTokensPerSec: 10000,
    decodeTokensPerSec: 1500,
    targetUtilization: '0.75',
    minReplicas: 1,
    storagePerMonth: 300,
    monitoringPerMonth: 200,
    monitoringPerGpuMonth: 10,
    engineeringFte: [{ fromTokensPerDay: 0, fte: '0.5' }],
    ...extra,
  };
}

/** The workload of DESIGN 3.6a: 50M tokens/day, 80% input, peak twice the average. */
const workload = (id: string, tokensPerDay = 50_000_000) => ({
  id,
  name: `Workload ${id}`,
  tokensPerDay,
  inputShare: '0.8',
  cachedInputShare: '0.25',
  peakToAverage: 2,
});

const gpt: Obj = {
  kind: 'api',
  id: 'gpt',
  name: 'GPT',
  inputPerM: '1.25',
  outputPerM: 10,
  cachedInputPerM: '0.125',
  integrationFte: '0.1',
};

describe('fragmentationCost: two identical deployments against one pool, to the cent', () => {
  // Each workload keeps one replica busy 12.35% of the time (x = 0.123457, peak 0.246914), so
  // each deployment runs its minimum of one replica; pooled, the peaks add to 0.493827, and
  // 0.493827 / 0.75 still fits in one replica. Fine-tuning 100 a month per deployment.
  const m = model(
    scenario({
      workloads: [workload('a'), workload('b'), workload('c')],
      options: [
        gpt,
        h100('one', { fineTuningPerMonth: 100 }),
        h100('two', { fineTuningPerMonth: 100 }),
      ],
      strategies: [
        { id: 'api', routes: [route('a', 'gpt'), route('b', 'gpt'), route('c', 'gpt')] },
        {
          id: 'portfolio',
          routes: [route('a', 'one'), route('b', 'two'), route('c', 'gpt')],
        },
      ],
    }),
  );
  const f = fragmentationCost(m, 1);

  it('sizes each deployment and the portfolio', () => {
    expect(f?.deployments.map((d) => [d.optionId, d.replicas, d.gpus, d.fte])).toEqual([
      ['one', 1, 1, '0.5'],
      ['two', 1, 1, '0.5'],
    ]);
    // Per deployment: GPU 1,825 + storage 300 + monitoring 210 + 0.5 · 240,000 / 12 = 10,000
    // staff + fine-tuning 100 = 12,435.
    expect(f?.deployments.map((d) => d.runRate.total)).toEqual(['12435', '12435']);
    expect(f?.portfolio).toEqual({
      gpus: 2,
      fte: '1',
      runRate: {
        gpu: '3650',
        storage: '600',
        monitoring: '420',
        engineering: '20000',
        fineTuning: '200',
        total: '24870',
      },
    });
  });

  it('pools on the first of two equal candidates and needs one replica and 0.5 FTE', () => {
    expect(f?.candidates.map((c) => [c.optionId, c.gpus, c.fte, c.runRate.total])).toEqual([
      ['one', 1, '0.5', '12435'],
      ['two', 1, '0.5', '12435'],
    ]);
    expect(f?.pool.optionId).toBe('one');
    expect(f?.pool.tokensPerDay).toBe('100000000');
    expect(f?.pool.utilization).toMatch(/^0\.24691358/);
  });

  it('states the extra GPUs, staff and money of the fragmented portfolio', () => {
    expect(f?.extra).toEqual({
      gpus: 1,
      fte: '0.5',
      runRate: {
        gpu: '1825',
        storage: '300',
        monitoring: '210',
        engineering: '10000',
        fineTuning: '100',
        total: '12435',
      },
    });
  });

  it('is what the engine says the whole pooled strategy costs less (API part unchanged)', () => {
    const strategy = m.strategies[1];
    if (!strategy) throw new Error('no portfolio');
    const pooled = computeStrategyRunRate(m, pooledStrategy(m, strategy, 'one'));
    const portfolio = computeStrategyRunRate(m, strategy);
    expect(cents(portfolio.total.minus(pooled.total).toFixed())).toBe('12435.00');
    expect(pooled.parts.api.toFixed()).toBe(portfolio.parts.api.toFixed());
    // One 0.5-FTE deployment (10,000) and GPT's 0.1 FTE of integration (2,000).
    expect(pooled.parts.engineering.toFixed()).toBe('12000');
  });

  it('is not applicable to a strategy with fewer than two self-hosted deployments', () => {
    expect(fragmentationCost(m, 0)).toBeNull();
    const single = model(
      scenario({
        workloads: [workload('a'), workload('b')],
        options: [gpt, h100('one'), h100('two')],
        strategies: [{ id: 'one', routes: [route('a', 'one'), route('b', 'gpt')] }],
      }),
    );
    expect(fragmentationCost(single, 0)).toBeNull();
  });

  it('throws on a strategy index that does not exist (a programmer mistake)', () => {
    expect(() => fragmentationCost(m, 2)).toThrow(/no strategy at index/);
  });
});

describe('fragmentationCost: choosing the pool', () => {
  it('pools on the cheaper deployment even when it comes second', () => {
    // Same hardware, but "dear" pays 5.00 an hour and "cheap" 2.50: pooled on "cheap" the two
    // workloads fit one replica; fragmentation costs dear's whole deployment.
    const m = model(
      scenario({
        workloads: [workload('a'), workload('b')],
        options: [h100('dear', { gpu: { mode: 'hourly', hourlyPerGpu: 5 } }), h100('cheap')],
        strategies: [{ id: 'p', routes: [route('a', 'dear'), route('b', 'cheap')] }],
      }),
    );
    const f = fragmentationCost(m, 0);
    expect(f?.candidates.map((c) => [c.optionId, c.runRate.total])).toEqual([
      ['dear', '14160'], // 3,650 GPU + 300 + 210 + 10,000 staff
      ['cheap', '12335'],
    ]);
    expect(f?.pool.optionId).toBe('cheap');
    expect(f?.extra.runRate.total).toBe('14160');
    expect(f?.extra.gpus).toBe(1);
  });

  it('breaks a tie in cost towards the deployment serving more traffic', () => {
    const m = model(
      scenario({
        workloads: [workload('a', 10_000_000), workload('b')],
        options: [h100('small'), h100('big')],
        strategies: [{ id: 'p', routes: [route('a', 'small'), route('b', 'big')] }],
      }),
    );
    expect(fragmentationCost(m, 0)?.pool.optionId).toBe('big');
  });

  it('reports a saving, not a cost, when each workload runs where it is cheapest', () => {
    // "prefill" reads 1M tokens/s but writes 100; "decode" the other way round. "a" is all input
    // (86.4M tokens/day keeps one prefill replica exactly busy) and "b" all output. Split: one
    // replica each, 730 + 1,460. Pooled on "prefill": 1 + 10 replicas at 730 = 8,030; on
    // "decode": 10 + 1 at 1,460 = 16,060. The cheaper pool still costs 5,840 a month more.
    const lopsided = (id: string, hourly: number, prefill: number, decode: number): Obj => ({
      kind: 'selfHost',
      id,
      gpu: { mode: 'hourly', hourlyPerGpu: hourly },
      prefillTokensPerSec: prefill,
      decodeTokensPerSec: decode,
    });
    const m = model(
      scenario({
        workloads: [
          { id: 'a', tokensPerDay: 86_400_000, inputShare: 1 },
          { id: 'b', tokensPerDay: 86_400_000, inputShare: 0 },
        ],
        options: [lopsided('prefill', 1, 1_000_000, 100), lopsided('decode', 2, 100, 1_000_000)],
        strategies: [{ id: 'p', routes: [route('a', 'prefill'), route('b', 'decode')] }],
      }),
    );
    const f = fragmentationCost(m, 0);
    expect(f?.portfolio.runRate.total).toBe('2190');
    expect(f?.candidates.map((c) => [c.optionId, c.replicas, c.runRate.total])).toEqual([
      ['prefill', 11, '8030'],
      ['decode', 11, '16060'],
    ]);
    expect(f?.pool.optionId).toBe('prefill');
    expect(f?.extra.gpus).toBe(-9);
    expect(f?.extra.fte).toBe('0');
    expect(f?.extra.runRate.total).toBe('-5840');
  });

  it('counts a deployment with only a zero share: it still runs its minimum replicas', () => {
    const m = model(
      scenario({
        workloads: [workload('a')],
        options: [h100('one'), h100('idle')],
        strategies: [{ id: 'p', routes: [route('a', 'one'), route('a', 'idle', 0)] }],
      }),
    );
    const f = fragmentationCost(m, 0);
    expect(f?.deployments.map((d) => [d.optionId, d.tokensPerDay, d.gpus])).toEqual([
      ['one', '50000000', 1],
      ['idle', '0', 1],
    ]);
    expect(f?.extra.gpus).toBe(1);
    expect(f?.extra.runRate.total).toBe('12335');
  });
});

describe('pooledStrategy', () => {
  it('re-points self-hosted routes to the pool, merges a workload’s shares and keeps API routes', () => {
    const m = model(
      scenario({
        workloads: [workload('a'), workload('b')],
        options: [gpt, h100('one'), h100('two')],
        strategies: [
          {
            id: 'p',
            routes: [
              route('a', 'one', '0.5'),
              route('a', 'gpt', '0.2'),
              route('a', 'two', '0.3'),
              route('b', 'two'),
            ],
          },
        ],
      }),
    );
    const strategy = m.strategies[0];
    if (!strategy) throw new Error('no strategy');
    const pooled = pooledStrategy(m, strategy, 'two');
    expect(pooled.routes.map((r) => [r.workloadId, r.optionId, r.share.toFixed()])).toEqual([
      ['a', 'two', '0.8'],
      ['a', 'gpt', '0.2'],
      ['b', 'two', '1'],
    ]);
    // The original strategy is left alone.
    expect(strategy.routes.map((r) => r.share.toFixed())).toEqual(['0.5', '0.2', '0.3', '1']);
    expect(() => pooledStrategy(m, strategy, 'gpt')).toThrow(/must be a self-hosted option/);
  });
});

describe('workloadAssignments, to the cent', () => {
  // 360-day year, so a month is 30 days. Both workloads are half input, half output: the API
  // charges 0.5 · 1 + 0.5 · 3 = 2 per 1M tokens, plus 0.1 FTE (2,000 a month) of integration.
  // The self-hosted option is one replica at 1,000 a month, whatever the volume.
  const m = model(
    scenario({
      settings: { daysPerYear: 360 },
      workloads: [
        { id: 'w1', name: 'Chat', tokensPerDay: 100_000_000, inputShare: '0.5' },
        { id: 'w2', name: 'Search', tokensPerDay: 50_000_000, inputShare: '0.5' },
      ],
      options: [
        { kind: 'api', id: 'api', name: 'API', inputPerM: 1, outputPerM: 3, integrationFte: '0.1' },
        {
          kind: 'selfHost',
          id: 'self',
          name: 'Own',
          gpu: { mode: 'monthly', monthlyPerGpu: 1000 },
          prefillTokensPerSec: 1_000_000_000,
          decodeTokensPerSec: 1_000_000_000,
        },
      ],
      strategies: [
        { id: 'all-api', name: 'All API', routes: [route('w1', 'api'), route('w2', 'api')] },
        {
          id: 'split',
          name: 'Split',
          routes: [route('w1', 'api', '0.25'), route('w1', 'self', '0.75'), route('w2', 'self')],
        },
      ],
    }),
  );
  const rows = workloadAssignments(m, evaluateModel(m));
  const at = (w: number, s: number) => rows[w]?.strategies[s];

  it('lists every workload with every strategy, largest share first', () => {
    expect(rows.map((r) => [r.workloadId, r.name, r.tokensPerDay])).toEqual([
      ['w1', 'Chat', '100000000'],
      ['w2', 'Search', '50000000'],
    ]);
    expect(at(0, 0)?.servedBy).toEqual([{ optionId: 'api', share: '1' }]);
    expect(at(0, 1)?.servedBy).toEqual([
      { optionId: 'self', share: '0.75' },
      { optionId: 'api', share: '0.25' },
    ]);
    expect(at(1, 1)?.servedBy).toEqual([{ optionId: 'self', share: '1' }]);
  });

  it('gives each workload its attributed cost and cost per 1M tokens', () => {
    // All API: usage 6,000 (Chat) and 3,000 (Search); the 2,000 integration shared 2:1.
    expect(cents(at(0, 0)?.runRate ?? '')).toBe('7333.33');
    expect(cents(at(1, 0)?.runRate ?? '')).toBe('3666.67');
    expect(cents(at(0, 0)?.costPerMTokens ?? '')).toBe('2.44'); // 7,333.33 / 3,000M tokens
    // Split: Chat pays all of the API (750M tokens · 2 + 2,000 = 3,500) and 75:50 of the
    // replica (600): 4,100 over 3,000M tokens. Search pays 400 over 1,500M tokens.
    expect(cents(at(0, 1)?.runRate ?? '')).toBe('4100.00');
    expect(cents(at(0, 1)?.costPerMTokens ?? '')).toBe('1.37');
    expect(cents(at(1, 1)?.runRate ?? '')).toBe('400.00');
    expect(cents(at(1, 1)?.costPerMTokens ?? '')).toBe('0.27');
  });

  it('marks the strategy that serves each workload for least', () => {
    expect(rows.map((r) => r.strategies.map((s) => s.lowest))).toEqual([
      [false, true],
      [false, true],
    ]);
  });

  it('gives no cost per 1M tokens to a workload without volume', () => {
    const idle = model(
      scenario({
        workloads: [{ id: 'w', tokensPerDay: 0, inputShare: '0.5' }],
        options: [gpt],
        strategies: [{ id: 's', routes: [route('w', 'gpt')] }],
      }),
    );
    const [row] = workloadAssignments(idle, evaluateModel(idle));
    expect(row?.strategies[0]?.costPerMTokens).toBeNull();
    expect(row?.strategies[0]?.lowest).toBe(false);
  });
});

describe('fragmentationCost properties', () => {
  /** 1–4 workloads spread over 2–4 identical deployments and an API, at random shares. */
  const portfolio = fc
    .record({
      deployments: fc.integer({ min: 2, max: 4 }),
      minReplicas: fc.integer({ min: 0, max: 3 }),
      gpusPerReplica: fc.integer({ min: 1, max: 8 }),
      targetUtilization: fc.integer({ min: 10, max: 100 }).map((p) => String(p / 100)),
      workloads: fc.array(
        fc.record({
          tokensPerDay: fc.integer({ min: 0, max: 5_000_000_000 }),
          inputPercent: fc.integer({ min: 0, max: 100 }),
          peakToAverage: fc.integer({ min: 10, max: 40 }).map((p) => String(p / 10)),
          batchPercent: fc.integer({ min: 0, max: 100 }),
          // Where each workload goes: a deployment (or the API at index `deployments`) per part.
          parts: fc.array(fc.record({ to: fc.nat(), weight: fc.integer({ min: 1, max: 4 }) }), {
            minLength: 1,
            maxLength: 3,
          }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    })
    .map((p) => {
      const options: Obj[] = [
        gpt,
        ...Array.from({ length: p.deployments }, (_, i) =>
          h100(`d${i}`, {
            minReplicas: p.minReplicas,
            gpusPerReplica: p.gpusPerReplica,
            targetUtilization: p.targetUtilization,
            engineeringFte: [
              { fromTokensPerDay: 0, fte: '0.5' },
              { fromTokensPerDay: 1_000_000_000, fte: 1 },
            ],
          }),
        ),
      ];
      const routes: Obj[] = [];
      p.workloads.forEach((w, wi) => {
        const total = w.parts.reduce((sum, x) => sum + x.weight, 0);
        // Whole percentages, the last part taking the remainder, so the shares add to exactly 1.
        let used = 0;
        w.parts.forEach((part, pi) => {
          const target = part.to % (p.deployments + 1);
          const optionId = target === p.deployments ? 'gpt' : `d${target}`;
          const percent =
            pi === w.parts.length - 1 ? 100 - used : Math.floor((100 * part.weight) / total);
          used += percent;
          routes.push(route(`w${wi}`, optionId, percentText(percent)));
        });
      });
      // Every deployment in use, so the strategy is a portfolio of all of them.
      for (let i = 0; i < p.deployments; i++) routes.push(route('w0', `d${i}`, 0));
      return model(
        scenario({
          workloads: p.workloads.map((w, wi) => ({
            id: `w${wi}`,
            tokensPerDay: w.tokensPerDay,
            inputShare: String(w.inputPercent / 100),
            batchShare: String(w.batchPercent / 100),
            peakToAverage: w.peakToAverage,
          })),
          options,
          strategies: [{ id: 'p', routes }],
        }),
      );
    });

  it('pooling identical deployments never needs more GPUs, and the money matches the engine', () => {
    fc.assert(
      fc.property(portfolio, (m) => {
        const f = fragmentationCost(m, 0);
        expect(f).not.toBeNull();
        if (!f) return;
        expect(f.pool.gpus).toBeLessThanOrEqual(f.portfolio.gpus);
        expect(f.extra.gpus).toBe(f.portfolio.gpus - f.pool.gpus);
        // The saving is exactly what the engine says the whole pooled strategy costs less.
        const strategy = m.strategies[0];
        if (!strategy) return;
        const whole = computeStrategyRunRate(m, strategy);
        const pooled = computeStrategyRunRate(m, pooledStrategy(m, strategy, f.pool.optionId));
        // (The engine sums in a different order: equal to the 40th digit, not beyond.)
        const gap = whole.total.minus(pooled.total).minus(f.extra.runRate.total);
        expect(gap.abs().lessThan('1e-25')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

/** A whole percentage as an exact decimal fraction: 7 -> '0.07', 100 -> '1'. */
function percentText(percent: number): string {
  return percent === 100 ? '1' : `0.${String(percent).padStart(2, '0')}`;
}
