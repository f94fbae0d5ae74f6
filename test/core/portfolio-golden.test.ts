import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { findPreset } from '../../src/scenario/presets';
import { allTo, cents, evaluateOk, scenario, strategy } from './helpers';

/*
 * Golden portfolio cases (DESIGN 3.3 and 3.4), computed by hand. Every case below uses the 30/360
 * calendar (30 days and 720 hours a month) and 240,000 a year per FTE, i.e. 20,000 per FTE-month,
 * so the arithmetic in the comments stays exact.
 */
const SETTINGS = { daysPerYear: 360 };
const route = (workloadId: string, optionId: string, share: number | string) => ({
  workloadId,
  optionId,
  share,
});

describe('pooling: ceil of the sum, not the sum of ceils (DESIGN 3.4)', () => {
  // Per token: 0.5/2000 + 0.5/1000 = 0.00075 replica-seconds.
  // a: 138,240,000 x 0.00075 / 86,400 = x_a = 1.2   -> alone 1.2/0.8 = 1.5 -> 2 replicas
  // b:  36,864,000 x 0.00075 / 86,400 = x_b = 0.32  -> alone 0.32/0.8 = 0.4 -> 1 replica
  // pooled: 1.52 / 0.8 = 1.9 -> 2 replicas, not 2 + 1 = 3.
  const workloads = [
    { id: 'a', tokensPerDay: 138_240_000, inputShare: 0.5 },
    { id: 'b', tokensPerDay: 36_864_000, inputShare: 0.5 },
  ];
  const deployment = (id: string) => ({
    kind: 'selfHost',
    id,
    gpu: { mode: 'monthly', monthlyPerGpu: 1000 },
    gpusPerReplica: 2,
    prefillTokensPerSec: 2000,
    decodeTokensPerSec: 1000,
    targetUtilization: 0.8,
    storagePerMonth: 500,
    storagePerGpuMonth: 10,
    monitoringPerMonth: 300,
    monitoringPerGpuMonth: 25,
    engineeringFte: [{ fromTokensPerDay: 0, fte: 0.25 }],
    fineTuningPerMonth: 200,
  });
  const r = evaluateOk(
    scenario({
      settings: SETTINGS,
      workloads,
      options: [deployment('h1'), deployment('h2')],
      strategies: [
        allTo('pooled', 'h1', ['a', 'b']),
        { id: 'split', routes: [route('a', 'h1', 1), route('b', 'h2', 1)] },
      ],
    }),
  );
  const pooled = strategy(r, 'pooled');
  const split = strategy(r, 'split');

  it('sizes the pool on the summed load', () => {
    expect(pooled.capacity).toEqual([
      { optionId: 'h1', replicas: 2, gpus: 4, utilization: '0.76' }, // 1.52 / 2
    ]);
    expect(split.capacity).toEqual([
      { optionId: 'h1', replicas: 2, gpus: 4, utilization: '0.6' }, // 1.2 / 2
      { optionId: 'h2', replicas: 1, gpus: 2, utilization: '0.32' },
    ]);
  });

  it('charges the pooled deployment once and the split one twice', () => {
    // Pooled: GPUs 4 x 1000; storage 500 + 4 x 10; monitoring 300 + 4 x 25; staff 0.25 x 20,000;
    // fine-tuning 200: 4000 + 540 + 400 + 5000 + 200 = 10,140.
    expect(pooled.runRate).toEqual({
      total: '10140',
      api: '0',
      gpu: '4000',
      storage: '540',
      monitoring: '400',
      engineering: '5000',
      fineTuning: '200',
    });
    // Split: h1 as above (10,140); h2 2000 + 520 + 350 + 5000 + 200 = 8,070. Total 18,210:
    // 2,000 more GPU cost from the extra replica, 6,070 more from paying fixed costs twice.
    expect(split.runRate).toEqual({
      total: '18210',
      api: '0',
      gpu: '6000',
      storage: '1060',
      monitoring: '750',
      engineering: '10000',
      fineTuning: '400',
    });
    expect(split.byOption.map((o) => [o.optionId, o.runRate])).toEqual([
      ['h1', '10140'],
      ['h2', '8070'],
    ]);
  });

  it('shares the pooled cost in proportion to x_r', () => {
    // a carries 1.2 / 1.52 = 15/19 of 10,140 = 8,005.263…; b 4/19 = 2,134.736…
    expect(pooled.byWorkload.map((w) => [w.workloadId, cents(w.runRate)])).toEqual([
      ['a', '8005.26'],
      ['b', '2134.74'],
    ]);
    expect(pooled.byOption.map((o) => [o.optionId, o.runRate, o.tokensPerDay])).toEqual([
      ['h1', '10140', '175104000'],
    ]);
    // Per 1M tokens: 10,140 / (175,104,000 x 30 / 1e6) = 10,140 / 5,253.12 = 1.9303 (1.93).
    expect(cents(pooled.byOption[0]?.costPerMTokens ?? '')).toBe('1.93');
    // Unshared, each workload bears its own deployment.
    expect(split.byWorkload.map((w) => w.runRate)).toEqual(['10140', '8070']);
  });
});

describe('fixed costs count once per option per strategy (DESIGN 3.2, 3.4)', () => {
  // Usage at 1 / 2 per 1M and inputShare 0.5: 1.5 per 1M tokens.
  // a: 138,240,000 x 30 = 4,147.2M tokens -> 6,220.80; b: 36,864,000 x 30 = 1,105.92M -> 1,658.88.
  const workloads = [
    { id: 'a', tokensPerDay: 138_240_000, inputShare: 0.5 },
    { id: 'b', tokensPerDay: 36_864_000, inputShare: 0.5 },
  ];
  const api = (id: string) => ({
    kind: 'api',
    id,
    inputPerM: 1,
    outputPerM: 2,
    integrationFte: 0.5,
    fineTuningPerMonth: 300,
    fineTuningOneTime: 1000,
  });
  const r = evaluateOk(
    scenario({
      settings: SETTINGS,
      workloads,
      options: [api('x1'), api('x2')],
      strategies: [
        allTo('shared', 'x1', ['a', 'b']),
        { id: 'separate', routes: [route('a', 'x1', 1), route('b', 'x2', 1)] },
        // x2 carries nothing, but a route to it means the integration is in place (DESIGN 3.3).
        {
          id: 'idle-route',
          routes: [route('a', 'x1', 1), route('b', 'x1', 1), route('b', 'x2', 0)],
        },
      ],
    }),
  );

  it('charges integration staff and monthly fine-tuning once for an API serving two workloads', () => {
    // 7,879.68 usage + 0.5 x 20,000 + 300 = 18,179.68.
    expect(strategy(r, 'shared').runRate).toEqual({
      total: '18179.68',
      api: '7879.68',
      gpu: '0',
      storage: '0',
      monitoring: '0',
      engineering: '10000',
      fineTuning: '300',
    });
    // Two API options: the same usage, twice the fixed costs: 7,879.68 + 20,000 + 600.
    expect(strategy(r, 'separate').runRate).toMatchObject({
      total: '28479.68',
      api: '7879.68',
      engineering: '20000',
      fineTuning: '600',
    });
    expect(strategy(r, 'idle-route').runRate.total).toBe('28479.68');
  });

  it('pays one-time fine-tuning once per option, in month 1', () => {
    expect(strategy(r, 'shared').timeline.months[0]).toMatchObject({ capex: '1000' });
    expect(strategy(r, 'separate').timeline.months[0]).toMatchObject({ capex: '2000' });
  });

  it("attributes an API option's fixed costs in proportion to usage", () => {
    // 18,179.68 x 6,220.80 / 7,879.68 = 14,352.378…; x 1,658.88 / 7,879.68 = 3,827.301…
    expect(strategy(r, 'shared').byWorkload.map((w) => cents(w.runRate))).toEqual([
      '14352.38',
      '3827.30',
    ]);
    // Unshared: a = 6,220.80 + 10,300; b = 1,658.88 + 10,300.
    expect(strategy(r, 'separate').byOption.map((o) => o.runRate)).toEqual(['16520.8', '11958.88']);
  });
});

describe('hybrid splits: 90% self-hosted, 10% to an API (DESIGN 3.3, 3.4)', () => {
  // c: 96M tokens/day, inputShare 0.5, cached 0.5, batch 0.25, peak 3.
  // d: 64M tokens/day, inputShare 0.8, cached 0,   batch 0.5,  peak 2.
  const workloads = [
    {
      id: 'c',
      tokensPerDay: 96_000_000,
      inputShare: 0.5,
      cachedInputShare: 0.5,
      batchShare: 0.25,
      peakToAverage: 3,
    },
    { id: 'd', tokensPerDay: 64_000_000, inputShare: 0.8, batchShare: 0.5, peakToAverage: 2 },
  ];
  const open = {
    kind: 'selfHost',
    id: 'open',
    gpu: { mode: 'monthly', monthlyPerGpu: 1000 },
    gpusPerReplica: 2,
    prefillTokensPerSec: 2000,
    decodeTokensPerSec: 1000,
    targetUtilization: 0.75,
    storagePerMonth: 100,
    engineeringFte: [{ fromTokensPerDay: 0, fte: 0.5 }],
  };
  const closed = {
    kind: 'api',
    id: 'closed',
    inputPerM: 3,
    outputPerM: 15,
    cachedInputPerM: 0.3,
    batchDiscount: 0.5,
    integrationFte: 0.1,
  };
  const r = evaluateOk(
    scenario({
      settings: SETTINGS,
      workloads,
      options: [open, closed],
      strategies: [
        allTo('closed', 'closed', ['c', 'd']),
        allTo('open', 'open', ['c', 'd']),
        {
          id: 'hybrid',
          routes: [
            route('c', 'open', '0.9'),
            route('c', 'closed', '0.1'),
            route('d', 'open', '0.9'),
            route('d', 'closed', '0.1'),
          ],
        },
      ],
    }),
  );
  const hybrid = strategy(r, 'hybrid');

  it('puts exactly 10% of every workload on the API, at its batch and cache prices', () => {
    // Price per 1M of c: 0.5x0.5x3 + 0.5x0.5x0.3 + 0.5x15 = 8.325, batch x(1 - 0.25x0.5) = 7.284375;
    // of d: 0.8x3 + 0.2x15 = 5.4, batch x(1 - 0.5x0.5) = 4.05.
    // 10%: c 9.6M/day x 30 = 288M tokens -> 2,097.90; d 6.4M x 30 = 192M -> 777.60. Sum 2,875.50.
    expect(hybrid.runRate.api).toBe('2875.5');
    // All on the API: 2,880M x 7.284375 + 1,920M x 4.05 = 20,979 + 7,776 = 28,755, ten times as much.
    const all = strategy(r, 'closed').runRate.api;
    expect(all).toBe('28755');
    expect(new Dec(all).div(10).toFixed()).toBe(hybrid.runRate.api);
  });

  it('sizes the self-hosted side on 90% of the load, with peaks net of batch traffic', () => {
    // Per token: c 0.5/2000 + 0.5/1000 = 0.00075 s; d 0.8/2000 + 0.2/1000 = 0.0006 s.
    // 90%: x_c = 86.4M x 0.00075 / 86,400 = 0.75, peak 3 x 0.75 x 0.75 = 1.6875;
    //      x_d = 57.6M x 0.0006 / 86,400 = 0.4,   peak 2 x 0.5 x 0.4 = 0.4.
    // needed = max(2.0875, 1.15) = 2.0875; / 0.75 = 2.783 -> 3 replicas, 6 GPUs.
    expect(hybrid.capacity).toEqual([
      {
        optionId: 'open',
        replicas: 3,
        gpus: 6,
        utilization: '0.3833333333333333333333333333333333333333',
      },
    ]);
    // 100% on the open model: x 0.8333 + 0.4444, peak 1.875 + 0.4444 = 2.3194; / 0.75 = 3.09 -> 4.
    expect(strategy(r, 'open').capacity[0]).toMatchObject({ replicas: 4, gpus: 8 });
    // Without the batch shares the 90% peak would be 3 x 0.75 + 2 x 0.4 = 3.05 -> 4.07 -> 5 replicas.
  });

  it('charges both options and attributes each by its own weights', () => {
    // open: 6 GPUs x 1000 + 100 storage + 0.5 FTE (10,000) = 16,100;
    // closed: 2,875.50 + 0.1 FTE (2,000) = 4,875.50. Total 20,975.50.
    expect(hybrid.runRate).toEqual({
      total: '20975.5',
      api: '2875.5',
      gpu: '6000',
      storage: '100',
      monitoring: '0',
      engineering: '12000',
      fineTuning: '0',
    });
    expect(hybrid.byOption.map((o) => [o.optionId, o.runRate, o.tokensPerDay])).toEqual([
      ['open', '16100', '144000000'],
      ['closed', '4875.5', '16000000'],
    ]);
    // open by x_r: c 0.75/1.15 = 15/23 of 16,100 = 10,500; d 8/23 = 5,600.
    // closed by usage: c 4,875.5 x 2,097.9 / 2,875.5 = 3,557.054…; d x 777.6 / 2,875.5 = 1,318.445…
    expect(hybrid.byWorkload.map((w) => [w.workloadId, cents(w.runRate), w.tokensPerDay])).toEqual([
      ['c', '14057.05', '96000000'],
      ['d', '6918.45', '64000000'],
    ]);
  });
});

describe('staff tiers on pooled volume (DESIGN 3.3)', () => {
  // One replica of 1 GPU serves 86.4M tokens/day (1000 tokens/s either way), at 1,000 a month.
  // Staff: 0.25 FTE, 1 from 100M tokens/day, 2 from 500M.
  const workloads = [
    { id: 'e', tokensPerDay: 60_000_000, inputShare: 0.5 },
    { id: 'f', tokensPerDay: 70_000_000, inputShare: 0.5 },
  ];
  const deployment = (id: string) => ({
    kind: 'selfHost',
    id,
    gpu: { mode: 'monthly', monthlyPerGpu: 1000 },
    prefillTokensPerSec: 1000,
    decodeTokensPerSec: 1000,
    engineeringFte: [
      { fromTokensPerDay: 0, fte: 0.25 },
      { fromTokensPerDay: 100_000_000, fte: 1 },
      { fromTokensPerDay: 500_000_000, fte: 2 },
    ],
  });
  const r = evaluateOk(
    scenario({
      settings: SETTINGS,
      workloads,
      options: [
        deployment('s1'),
        deployment('s2'),
        { kind: 'api', id: 'z', inputPerM: 1, outputPerM: 1 },
      ],
      strategies: [
        allTo('pooled', 's1', ['e', 'f']),
        { id: 'split', routes: [route('e', 's1', 1), route('f', 's2', 1)] },
        {
          id: 'half-off',
          routes: [route('e', 's1', 1), route('f', 's1', '0.5'), route('f', 'z', '0.5')],
        },
      ],
    }),
  );

  it('picks the tier from the sum of the routes, not from each workload', () => {
    // Pooled: 60M + 70M = 130M >= 100M -> 1 FTE = 20,000; load 130/86.4 = 1.505 -> 2 replicas.
    expect(strategy(r, 'pooled').runRate).toMatchObject({
      engineering: '20000',
      gpu: '2000',
      total: '22000',
    });
    // Split: 60M and 70M are each below 100M -> 0.25 + 0.25 FTE = 10,000; 1 replica each.
    expect(strategy(r, 'split').runRate).toMatchObject({
      engineering: '10000',
      gpu: '2000',
      total: '12000',
    });
  });

  it('counts only the shares the option serves', () => {
    // s1 serves 60M + 0.5 x 70M = 95M < 100M -> 0.25 FTE = 5,000; load 95/86.4 = 1.1 -> 2 replicas;
    // z: 35M x 30 = 1,050M tokens at 1 per 1M = 1,050. Total 8,050.
    expect(strategy(r, 'half-off').runRate).toMatchObject({
      engineering: '5000',
      gpu: '2000',
      api: '1050',
      total: '8050',
    });
    expect(strategy(r, 'half-off').byOption[0]?.tokensPerDay).toBe('95000000');
  });
});

describe('the portfolio-2026 preset, every strategy to the cent', () => {
  /*
   * Checked by hand and with an independent script (365-day calendar: 365/12 days and 730 hours a
   * month; 240,000 a year per FTE = 20,000 per FTE-month).
   *
   * All closed API (Claude Sonnet 4.5: 3 / 15 per 1M, cached 0.3, batch -50%), price per 1M:
   *   long-context  0.95x0.8x3 + 0.95x0.2x0.3 + 0.05x15 = 3.087  x (1 - 0.4x0.5)  = 2.4696
   *   general       0.75x0.7x3 + 0.75x0.3x0.3 + 0.25x15 = 5.3925 x (1 - 0.1x0.5)  = 5.122875
   *   coding-math   0.6x0.6x3  + 0.6x0.4x0.3  + 0.4x15  = 7.152  x (1 - 0.05x0.5) = 6.9732
   *   asian         0.7x0.8x3  + 0.7x0.2x0.3  + 0.3x15  = 6.222  x (1 - 0.1x0.5)  = 5.9109
   *   usage = V x 365/12 / 1e6 x price: 30,046.80 + 93,492.46875 + 63,630.45 + 35,957.975
   *         = 223,127.69375; + 0.1 FTE integration 2,000 = 225,127.69375.
   *
   * Published portfolio:
   *   Scout (4 x H100 at 3.99/h, P 41,518, D 17,135) on long-context: x = 400M x (0.95/41,518 +
   *     0.05/17,135) / 86,400 = 0.11944, peak 2 x 0.6 x x = 0.14333, / 0.6 = 0.239 -> minimum 2
   *     replicas, 8 GPUs x 3.99 x 730 = 23,301.60; storage 250; monitoring 300 + 8 x 20 = 460;
   *     0.5 FTE 10,000 -> 34,011.60.
   *   Mistral Medium 3.1 (0.4 / 2, no cache price) on general: 0.75x0.4 + 0.25x2 = 0.8 per 1M;
   *     600M x 365/12 / 1e6 x 0.8 = 14,600 + 2,000 integration = 16,600.
   *   DeepSeek R1 API (0.55 / 2.19) on coding-math: 0.6x0.55 + 0.4x2.19 = 1.206 per 1M;
   *     300M x 365/12 / 1e6 x 1.206 = 11,004.75 + 2,000 = 13,004.75.
   *   Qwen3-235B (4 x H200 at 4.5/h, P 21,693, D 33,405) on asian: x = 0.09548, peak 0.17187,
   *     / 0.6 = 0.286 -> minimum 2 replicas, 8 GPUs x 4.5 x 730 = 26,280; + 250 + 460 + 10,000
   *     = 36,990.
   *   Total 34,011.60 + 16,600 + 13,004.75 + 36,990 = 100,606.35.
   *
   * One pooled open model (Qwen3-235B, everything): x = 0.20967 + 0.29206 + 0.13761 + 0.09548 =
   *   0.73484; peaks 0.25161 + 0.65714 + 0.39220 + 0.17187 = 1.47283, / 0.6 = 2.455 -> 3 replicas,
   *   12 GPUs x 3,285 = 39,420; storage 250; monitoring 300 + 240 = 540; served 1.5B >= 1B -> 1 FTE
   *   20,000. Total 60,210.
   *
   * Hybrid (90% Qwen3-235B, 10% Claude): peaks x 0.9 = 1.32555, / 0.6 = 2.209 -> still 3 replicas
   *   (39,420 + 250 + 540); served 1.35B -> 1 FTE 20,000: 60,210. Claude usage is a tenth of the
   *   all-API usage, 22,312.769375, + 2,000 integration. Total 84,522.769375.
   */
  const preset = findPreset('portfolio-2026');
  const r = evaluateOk(preset?.scenario);
  const ids = ['all-closed-api', 'published-portfolio', 'one-pooled-model', 'hybrid'];

  it('has the four strategies, baseline first', () => {
    expect(r.strategies.map((s) => s.id)).toEqual(ids);
  });

  it('pins each run-rate', () => {
    expect(r.strategies.map((s) => cents(s.runRate.total))).toEqual([
      '225127.69',
      '100606.35',
      '60210.00',
      '84522.77',
    ]);
    expect(strategy(r, 'all-closed-api').runRate).toMatchObject({
      api: '223127.69375',
      engineering: '2000',
    });
    expect(strategy(r, 'published-portfolio').runRate).toEqual({
      total: '100606.35',
      api: '25604.75',
      gpu: '49581.6',
      storage: '500',
      monitoring: '920',
      engineering: '24000',
      fineTuning: '0',
    });
    expect(strategy(r, 'one-pooled-model').runRate).toEqual({
      total: '60210',
      api: '0',
      gpu: '39420',
      storage: '250',
      monitoring: '540',
      engineering: '20000',
      fineTuning: '0',
    });
    expect(strategy(r, 'hybrid').runRate).toMatchObject({
      total: '84522.769375',
      api: '22312.769375',
      gpu: '39420',
      engineering: '22000',
    });
  });

  it('pays per deployment in the portfolio and pools in the other two', () => {
    expect(strategy(r, 'published-portfolio').byOption.map((o) => [o.optionId, o.runRate])).toEqual(
      [
        ['llama-4-scout-h100', '34011.6'],
        ['mistral-medium-3.1', '16600'],
        ['deepseek-r1', '13004.75'],
        ['qwen3-235b-h200', '36990'],
      ],
    );
    const gpus = (id: string) =>
      strategy(r, id).capacity.map((c) => [c.optionId, c.replicas, c.gpus]);
    expect(gpus('published-portfolio')).toEqual([
      ['llama-4-scout-h100', 2, 8],
      ['qwen3-235b-h200', 2, 8],
    ]);
    expect(gpus('one-pooled-model')).toEqual([['qwen3-235b-h200', 3, 12]]);
    expect(gpus('hybrid')).toEqual([['qwen3-235b-h200', 3, 12]]);
  });
});
