import { describe, expect, it } from 'vitest';
import { WORKED_EXAMPLE } from './worked-example';
import { allTo, cents, evaluateOk, scenario, strategy } from './helpers';

describe('DESIGN 3.6a worked example, to the cent', () => {
  const result = evaluateOk(WORKED_EXAMPLE);
  const api = strategy(result, 'all-api');
  const self = strategy(result, 'self');

  it('prices the API option', () => {
    expect(api.runRate.api).toBe('4220.3125');
    expect(cents(api.runRate.engineering)).toBe('1666.67');
    expect(cents(api.runRate.total)).toBe('5886.98');
  });

  it('sizes and prices the self-hosted option', () => {
    expect(self.capacity).toEqual([
      {
        optionId: 'h100',
        replicas: 1,
        gpus: 1,
        utilization: expect.stringMatching(/^0\.123456790/),
      },
    ]);
    expect(self.runRate.gpu).toBe('1825');
    expect(self.runRate.storage).toBe('300');
    expect(self.runRate.monitoring).toBe('210');
    expect(cents(self.runRate.engineering)).toBe('8333.33');
    expect(cents(self.runRate.total)).toBe('10668.33');
  });

  it('finds the break-even and its single downward crossing', () => {
    const vs = self.vsBaseline;
    expect(vs?.breakEven.kind).toBe('at');
    if (vs?.breakEven.kind !== 'at') return;
    expect(cents(vs.breakEven.tokensPerDay)).toBe('106646920.89');
    expect(vs.crossings).toHaveLength(1);
    expect(vs.crossings[0]?.direction).toBe('down');
    expect(cents(vs.crossings[0]?.tokensPerDay ?? '0')).toBe('106646920.89');
  });
});

describe('API option branches (DESIGN 3.2)', () => {
  it('applies cached input, batch discount, integration staff and fine-tuning', () => {
    const r = evaluateOk(
      scenario({
        settings: { daysPerYear: 360 },
        workloads: [
          {
            id: 'w',
            tokensPerDay: 10_000_000,
            inputShare: 0.6,
            cachedInputShare: 0.5,
            batchShare: 0.4,
          },
        ],
        options: [
          {
            kind: 'api',
            id: 'a',
            inputPerM: 2,
            outputPerM: 8,
            cachedInputPerM: 0.5,
            batchDiscount: 0.5,
            integrationFte: 0.25,
            fineTuningOneTime: 1000,
            fineTuningPerMonth: 150,
          },
        ],
        strategies: [allTo('s', 'a')],
      }),
    );
    const s = strategy(r, 's');
    // 300M tokens/month; per 1M: 0.6*0.5*2 + 0.6*0.5*0.5 + 0.4*8 = 0.6 + 0.15 + 3.2 = 3.95;
    // batch: 1 - 0.4*0.5 = 0.8 -> 3.16 per 1M -> 948.00.
    expect(s.runRate.api).toBe('948');
    expect(s.runRate.engineering).toBe('5000');
    expect(s.runRate.fineTuning).toBe('150');
    expect(s.runRate.total).toBe('6098');
    // Cost per 1M tokens: 6098 / 300.
    expect(cents(s.costPerMTokens ?? '')).toBe('20.33');
    // One-time fine-tuning is paid up front, in month 1's capex.
    expect(s.timeline.months[0]).toMatchObject({ capex: '1000', opex: '6098', cumulative: '7098' });
  });

  it('defaults the cached price to the input price', () => {
    const r = evaluateOk(
      scenario({
        settings: { daysPerYear: 360 },
        workloads: [{ id: 'w', tokensPerDay: 1_000_000, inputShare: 1, cachedInputShare: 1 }],
        options: [{ kind: 'api', id: 'a', inputPerM: 3, outputPerM: 15 }],
        strategies: [allTo('s', 'a')],
      }),
    );
    expect(strategy(r, 's').runRate.api).toBe('90');
  });
});

describe('self-hosted option branches (DESIGN 3.3)', () => {
  const selfHost = (extra: Record<string, unknown>) => ({
    kind: 'selfHost',
    id: 'h',
    gpu: { mode: 'hourly', hourlyPerGpu: 2 },
    gpusPerReplica: 2,
    // One replica serves 86,400,000 tokens/day at full load (1000 tokens/s either way).
    prefillTokensPerSec: 1000,
    decodeTokensPerSec: 1000,
    targetUtilization: 1,
    minReplicas: 1,
    ...extra,
  });

  it('uses the peak unless batch traffic flattens it, then the average', () => {
    const run = (peakToAverage: number, batchShare: number) =>
      strategy(
        evaluateOk(
          scenario({
            workloads: [
              { id: 'w', tokensPerDay: 86_400_000, inputShare: 0.5, peakToAverage, batchShare },
            ],
            options: [selfHost({})],
            strategies: [allTo('s', 'h')],
          }),
        ),
        's',
      ).capacity[0];
    expect(run(3, 0)).toMatchObject({
      replicas: 3,
      gpus: 6,
      utilization: '0.3333333333333333333333333333333333333333',
    });
    // peak = 3 * (1 - 0.5) * 1 = 1.5 -> 2 replicas.
    expect(run(3, 0.5)).toMatchObject({ replicas: 2, gpus: 4, utilization: '0.5' });
    // peak = 1.2 * 0.1 = 0.12 < average 1 -> the average decides: 1 replica.
    expect(run(1.2, 0.9)).toMatchObject({ replicas: 1, gpus: 2, utilization: '1' });
  });

  it('prices monthly GPUs, storage and monitoring per GPU, and staff tiers on served volume', () => {
    const r = evaluateOk(
      scenario({
        workloads: [{ id: 'w', tokensPerDay: 200_000_000, inputShare: 0.5 }],
        options: [
          selfHost({
            gpu: { mode: 'monthly', monthlyPerGpu: 1500 },
            targetUtilization: 0.8,
            storagePerMonth: 100,
            storagePerGpuMonth: 5,
            monitoringPerMonth: 50,
            monitoringPerGpuMonth: 7.5,
            engineeringFte: [
              { fromTokensPerDay: 0, fte: 0.5 },
              { fromTokensPerDay: 200_000_000, fte: 1 },
              { fromTokensPerDay: 1e9, fte: 2 },
            ],
            fineTuningPerMonth: 99.99,
          }),
        ],
        strategies: [allTo('s', 'h')],
      }),
    );
    const s = strategy(r, 's');
    // load 200e6/86.4e6 = 2.3148; /0.8 = 2.89 -> 3 replicas, 6 GPUs.
    expect(s.capacity[0]).toMatchObject({ replicas: 3, gpus: 6 });
    expect(s.runRate).toEqual({
      total: '29324.99',
      api: '0',
      gpu: '9000',
      storage: '130',
      monitoring: '95',
      engineering: '20000', // 200M is exactly the second tier's start: 1 FTE
      fineTuning: '99.99',
    });
  });

  it('amortizes bought GPUs net of residual, with power at PUE and hosting', () => {
    const r = evaluateOk(
      scenario({
        options: [
          selfHost({
            gpu: {
              mode: 'buy',
              purchasePerGpu: 30000,
              amortizationMonths: 36,
              residualShare: 0.1,
              powerKwPerGpu: 1.275,
              pue: 1.2,
              pricePerKwh: 0.08,
              hostingPerGpuMonth: 120,
            },
            gpusPerReplica: 1,
          }),
        ],
        strategies: [allTo('s', 'h')],
      }),
    );
    // 100M tokens/day -> 2 replicas of 1 GPU. Per GPU: 30000*0.9/36 = 750; power
    // 1.275*1.2*730*0.08 = 89.352; hosting 120 -> 959.352; two GPUs 1918.704.
    expect(strategy(r, 's').runRate.gpu).toBe('1918.704');
  });

  it('keeps minimum replicas running at zero volume, and none when the minimum is 0', () => {
    const run = (minReplicas: number) =>
      strategy(
        evaluateOk(
          scenario({
            workloads: [{ id: 'w', tokensPerDay: 0, inputShare: 0.5 }],
            options: [selfHost({ minReplicas, storagePerMonth: 10 })],
            strategies: [allTo('s', 'h')],
          }),
        ),
        's',
      );
    expect(run(2).runRate.gpu).toBe('5840'); // 2 replicas x 2 GPUs x 2/h x 730 h
    expect(run(2).costPerMTokens).toBeNull();
    expect(run(0).capacity[0]).toEqual({ optionId: 'h', replicas: 0, gpus: 0, utilization: '0' });
    expect(run(0).runRate.total).toBe('10');
  });
});

describe('strategies (DESIGN 3.4)', () => {
  const twoWorkloads = [
    { id: 'a', tokensPerDay: 43_200_000, inputShare: 0.5 },
    { id: 'b', tokensPerDay: 21_600_000, inputShare: 0.5 },
  ];
  const pool = {
    kind: 'selfHost',
    id: 'h',
    gpu: { mode: 'hourly', hourlyPerGpu: 1 },
    prefillTokensPerSec: 1000,
    decodeTokensPerSec: 1000,
    storagePerMonth: 1000,
    engineeringFte: [{ fromTokensPerDay: 0, fte: 1 }],
  };
  const api = { kind: 'api', id: 'x', inputPerM: 1, outputPerM: 1, integrationFte: 0.5 };

  it('pools self-hosted routes into one replica count and charges fixed costs once', () => {
    const r = evaluateOk(
      scenario({
        workloads: twoWorkloads,
        options: [pool, api],
        strategies: [allTo('pooled', 'h', ['a', 'b'])],
      }),
    );
    const s = strategy(r, 'pooled');
    // Loads 0.5 + 0.25 = 0.75 -> one replica, not two.
    expect(s.capacity[0]).toMatchObject({ replicas: 1, utilization: '0.75' });
    expect(s.runRate).toMatchObject({
      gpu: '730',
      storage: '1000',
      engineering: '20000',
      total: '21730',
    });
    // Attribution by load: a carries 2/3, b 1/3.
    expect(s.byWorkload.map((w) => cents(w.runRate))).toEqual(['14486.67', '7243.33']);
    expect(s.byOption).toEqual([
      {
        optionId: 'h',
        runRate: '21730',
        tokensPerDay: '64800000',
        costPerMTokens: expect.any(String),
      },
    ]);
  });

  it('splits a hybrid route by share and charges each option it uses', () => {
    const r = evaluateOk(
      scenario({
        settings: { daysPerYear: 360 },
        workloads: twoWorkloads,
        options: [pool, api],
        strategies: [
          {
            id: 'hybrid',
            routes: [
              { workloadId: 'a', optionId: 'h', share: 0.9 },
              { workloadId: 'a', optionId: 'x', share: 0.1 },
              { workloadId: 'b', optionId: 'h', share: 1 },
            ],
          },
        ],
      }),
    );
    const s = strategy(r, 'hybrid');
    // API: 4,320,000 tokens/day x 30 days = 129.6M tokens at $1 per 1M.
    expect(s.runRate.api).toBe('129.6');
    expect(s.runRate.engineering).toBe('30000'); // 1 FTE self-hosting + 0.5 FTE integration
    expect(s.runRate.gpu).toBe('720');
  });
});

describe('timeline, payback and NPV (DESIGN 3.6)', () => {
  it('grows volume, steps API prices yearly and discounts cash flows', () => {
    const r = evaluateOk(
      scenario({
        settings: { daysPerYear: 360, horizonMonths: 14, discountRatePerYear: 0 },
        workloads: [{ id: 'w', tokensPerDay: 1_000_000, inputShare: 0, growthPerMonth: 0.1 }],
        options: [{ kind: 'api', id: 'a', inputPerM: 1, outputPerM: 10, priceChangePerYear: -0.5 }],
        strategies: [allTo('s', 'a')],
      }),
    );
    const months = strategy(r, 's').timeline.months;
    // Month 1: 30M tokens x $10 = 300; month 2: x1.1 = 330; month 13: 300 x 1.1^12 x 0.5.
    expect(months[0]?.opex).toBe('300');
    expect(months[1]?.opex).toBe('330');
    expect(cents(months[12]?.opex ?? '')).toBe(cents(String(300 * 0.5 * 1.1 ** 12)));
    expect(cents(months[12]?.opex ?? '')).toBe('470.76');
  });

  it('buys GPUs once, never sells them, and returns their residual at the end', () => {
    const r = evaluateOk(
      scenario({
        settings: { horizonMonths: 3, discountRatePerYear: 0 },
        workloads: [{ id: 'w', tokensPerDay: 172_800_000, inputShare: 0.5, growthPerMonth: -0.5 }],
        options: [
          { kind: 'api', id: 'a', inputPerM: 0, outputPerM: 0 },
          {
            kind: 'selfHost',
            id: 'h',
            gpu: {
              mode: 'buy',
              purchasePerGpu: 10000,
              amortizationMonths: 10,
              residualShare: 0.25,
              hostingPerGpuMonth: 100,
            },
            prefillTokensPerSec: 1000,
            decodeTokensPerSec: 1000,
            monitoringPerGpuMonth: 10,
          },
        ],
        strategies: [allTo('api', 'a'), allTo('own', 'h')],
      }),
    );
    const own = strategy(r, 'own');
    // Month 1 needs 2 GPUs (load 2); months 2 and 3 need 1, but the 2 owned GPUs stay.
    expect(own.timeline.months).toEqual([
      { month: 1, capex: '20000', opex: '220', cumulative: '20220' },
      { month: 2, capex: '0', opex: '220', cumulative: '20440' },
      { month: 3, capex: '0', opex: '220', cumulative: '15660' },
    ]);
    expect(own.timeline.residual).toBe('5000');
    expect(own.timeline.npv).toBe('15660');
    expect(own.vsBaseline?.paybackMonth).toBeNull();
  });

  it('discounts capex at the start of a month, opex at its end and the residual at H', () => {
    const r = evaluateOk(
      scenario({
        settings: { horizonMonths: 12, discountRatePerYear: 0.1 },
        workloads: [{ id: 'w', tokensPerDay: 0, inputShare: 0.5 }],
        options: [
          {
            kind: 'api',
            id: 'a',
            inputPerM: 1,
            outputPerM: 1,
            fineTuningOneTime: 1000,
            fineTuningPerMonth: 100,
          },
        ],
        strategies: [allTo('s', 'a')],
      }),
    );
    // 1000 at t=0 plus 100 at t = 1..12 months: sum of 100 / 1.1^(t/12).
    let expected = 1000;
    for (let t = 1; t <= 12; t++) expected += 100 / 1.1 ** (t / 12);
    expect(cents(strategy(r, 's').timeline.npv)).toBe(expected.toFixed(2));
  });

  it('finds the payback month from cumulative costs that stay below the baseline', () => {
    const r = evaluateOk(
      scenario({
        settings: { daysPerYear: 360, horizonMonths: 6, discountRatePerYear: 0 },
        workloads: [{ id: 'w', tokensPerDay: 1_000_000, inputShare: 0 }],
        options: [
          { kind: 'api', id: 'a', inputPerM: 100, outputPerM: 100 },
          { kind: 'api', id: 'b', inputPerM: 50, outputPerM: 50, fineTuningOneTime: 4000 },
        ],
        strategies: [allTo('base', 'a'), allTo('alt', 'b')],
      }),
    );
    // Baseline 3000 a month; the alternative 1500 a month after 4000 up front:
    // cumulative 5500, 7000, 8500, 10000, 11500, 13000 against 3000, 6000, ... 18000.
    expect(strategy(r, 'alt').vsBaseline?.paybackMonth).toBe(3);
    expect(strategy(r, 'alt').vsBaseline?.npvSavings).toBe('5000');
  });
});

describe('break-even kinds and crossings (DESIGN 3.5)', () => {
  const api = (price: number, integrationFte = 0) => ({
    kind: 'api',
    id: `api${price}`,
    inputPerM: price,
    outputPerM: price,
    integrationFte,
  });

  it('is "always" when the strategy is never dearer, and "never" with a reason otherwise', () => {
    const r = evaluateOk(
      scenario({
        options: [api(2), api(1), api(3)],
        strategies: [allTo('base', 'api2'), allTo('cheap', 'api1'), allTo('dear', 'api3')],
      }),
    );
    expect(strategy(r, 'cheap').vsBaseline?.breakEven).toEqual({ kind: 'always' });
    expect(strategy(r, 'cheap').vsBaseline?.crossings).toEqual([]);
    const never = strategy(r, 'dear').vsBaseline?.breakEven;
    expect(never?.kind).toBe('never');
    if (never?.kind === 'never') {
      expect(never.reason).toContain('USD 3.00');
      expect(never.reason).toContain('USD 2.00');
      expect(never.reason).toMatch(/1,000,000,000,000 tokens\/day/);
    }
  });

  it('explains "never" when lower marginal cost cannot recover fixed costs in range', () => {
    const r = evaluateOk(
      scenario({
        options: [api(2), { ...api(1, 1e9 / 240000), id: 'fixed' }],
        strategies: [allTo('base', 'api2'), allTo('fixed', 'fixed')],
      }),
    );
    const be = strategy(r, 'fixed').vsBaseline?.breakEven;
    expect(be?.kind).toBe('never');
    if (be?.kind === 'never') expect(be.reason).toMatch(/not recovered/);
  });

  it('lists every crossing when replica steps cut across the API line', () => {
    // One replica serves 86.4M tokens/day and costs 1,200 a month; the API costs 15 a month per
    // 1M tokens/day (360-day calendar, $0.50 per 1M). With j replicas, D = 1200·j - 15·T: zero
    // at T = 80M·j, and back above zero after the step at 86.4M·j while 1200 - 96·j > 0 (j <= 12).
    const r = evaluateOk(
      scenario({
        settings: { daysPerYear: 360 },
        workloads: [{ id: 'w', tokensPerDay: 10_000_000, inputShare: 0.5 }],
        options: [
          { kind: 'api', id: 'a', inputPerM: 0.5, outputPerM: 0.5 },
          {
            kind: 'selfHost',
            id: 'h',
            gpu: { mode: 'monthly', monthlyPerGpu: 1200 },
            prefillTokensPerSec: 1000,
            decodeTokensPerSec: 1000,
          },
        ],
        strategies: [allTo('api', 'a'), allTo('self', 'h')],
      }),
    );
    const vs = strategy(r, 'self').vsBaseline;
    const expected: { tokensPerDay: string; direction: string }[] = [];
    for (let j = 1; j <= 12; j++) {
      expected.push({ tokensPerDay: String(80_000_000 * j), direction: 'down' });
      expected.push({ tokensPerDay: String(86_400_000 * j), direction: 'up' });
    }
    expected.push({ tokensPerDay: '1040000000', direction: 'down' });
    expect(
      vs?.crossings.map((c) => ({ ...c, tokensPerDay: cents(c.tokensPerDay).replace('.00', '') })),
    ).toEqual(expected);
    expect(vs?.breakEven.kind).toBe('at');
    if (vs?.breakEven.kind === 'at') expect(cents(vs.breakEven.tokensPerDay)).toBe('1040000000.00');
  });

  it('puts the break-even at a baseline step when the strategy turns cheaper there', () => {
    // Baseline self-hosted: 1,200 a month per replica of 86.4M tokens/day. Strategy: an API at
    // 12 a month per 1M tokens/day ($0.40 per 1M, 360-day calendar) plus 300 of staff.
    // D = 300 + 12·T - 1200·j: below zero near 0, zero at 75M (up), and at 86.4M the baseline
    // adds a replica (down); from there 300 - 163.2·j < 0 at every later step.
    const r = evaluateOk(
      scenario({
        settings: { daysPerYear: 360, fteCostPerYear: 120000 },
        workloads: [{ id: 'w', tokensPerDay: 10_000_000, inputShare: 0.5 }],
        options: [
          {
            kind: 'selfHost',
            id: 'h',
            gpu: { mode: 'monthly', monthlyPerGpu: 1200 },
            prefillTokensPerSec: 1000,
            decodeTokensPerSec: 1000,
          },
          { kind: 'api', id: 'a', inputPerM: 0.4, outputPerM: 0.4, integrationFte: 0.03 },
        ],
        strategies: [allTo('self', 'h'), allTo('api', 'a')],
      }),
    );
    const vs = strategy(r, 'api').vsBaseline;
    expect(vs?.crossings).toEqual([
      { tokensPerDay: '75000000', direction: 'up' },
      { tokensPerDay: '86400000', direction: 'down' },
    ]);
    expect(vs?.breakEven).toEqual({ kind: 'at', tokensPerDay: '86400000' });
  });
});
