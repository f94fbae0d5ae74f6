/**
 * Properties of the timeline, payback and NPV (DESIGN 3.6), black-box through `evaluateScenario`,
 * checked against an independent oracle (./brute-force.ts) and against relations that must hold
 * between the returned numbers. Two golden cases are computed by hand to the cent.
 */
import { WORKED_EXAMPLE } from './worked-example';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateScenario } from '../../src/index';
import {
  D,
  Q,
  assertClose,
  dec,
  scenarioArb,
  timelineOracle,
  type Dec,
  type GpuIn,
  type ScenarioIn,
  type SelfHostIn,
} from './brute-force';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

function evaluate(s: unknown): Json {
  const r = evaluateScenario(s) as Json;
  if (!r.ok) throw new Error(`scenario rejected: ${JSON.stringify(r.errors)}`);
  return r.result;
}

/** Money the engine derives two ways agrees far beyond a cent (it works at 40 significant digits). */
const REL = '1e-30';
const ABS = '1e-24';
const cents = (x: string | Dec): string => new D(x).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2);

function withSettings(s: ScenarioIn, patch: NonNullable<ScenarioIn['settings']>): ScenarioIn {
  return { ...s, settings: { ...s.settings, ...patch } };
}

/** Replaces every bought GPU with a rented one (monthly contract at the same run-rate order). */
function rentedOnly(s: ScenarioIn): ScenarioIn {
  return {
    ...s,
    options: s.options.map((o) =>
      o.kind === 'selfHost' && o.gpu.mode === 'buy'
        ? { ...o, gpu: { mode: 'monthly', monthlyPerGpu: '1234.56' } as GpuIn }
        : o,
    ),
  };
}

/** Random scenarios with growth, API price changes, bought GPUs and a discount rate. */
const dynamicArb: fc.Arbitrary<ScenarioIn> = fc
  .tuple(
    scenarioArb(),
    fc.integer({ min: 1, max: 24 }),
    fc.array(dec(-0.08, 0.15, 2), { minLength: 3, maxLength: 3 }),
    dec(-0.3, 0.3, 2),
    fc.oneof(fc.constant('0'), dec(0, 0.25, 3)),
    fc.oneof(fc.constant('0'), dec(0, 5000, 2)),
  )
  .map(([s, horizon, growth, priceChange, discount, oneTime]) => ({
    ...withSettings(s, { horizonMonths: String(horizon), discountRatePerYear: discount }),
    workloads: s.workloads.map((w, j) => ({ ...w, growthPerMonth: growth[j]! })),
    options: s.options.map((o) =>
      o.kind === 'api'
        ? // fine-tuning per month is not a token price: keep it out of price changes here
          {
            ...o,
            priceChangePerYear: priceChange,
            fineTuningPerMonth: '0',
            fineTuningOneTime: oneTime,
          }
        : { ...o, fineTuningOneTime: oneTime },
    ),
  }));

/** Payback per DESIGN 3.6 from the months: first month from which C's cumulative <= B's through H. */
function paybackFrom(c: Json[], b: Json[]): number | null {
  let p: number | null = null;
  for (let j = c.length - 1; j >= 0; j--) {
    if (new D(c[j].cumulative).lte(b[j].cumulative)) p = c[j].month;
    else break;
  }
  return p;
}

describe('timeline properties (DESIGN 3.6)', () => {
  it('flat volume, flat prices, rented GPUs, no discount: every month costs runRate.total and npv = H * total', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.integer({ min: 1, max: 60 }), (s0, H) => {
        const s = withSettings(rentedOnly(s0), {
          horizonMonths: String(H),
          discountRatePerYear: '0',
        });
        const r = evaluate(s);
        for (const st of r.strategies as Json[]) {
          const total = st.runRate.total;
          expect(st.timeline.months.length).toBe(H);
          st.timeline.months.forEach((m: Json, j: number) => {
            expect(m.month).toBe(j + 1);
            expect(new D(m.capex).isZero(), `capex of month ${m.month}`).toBe(true);
            assertClose(`${st.id} opex month ${m.month}`, m.opex, total, REL, ABS);
            assertClose(
              `${st.id} cumulative month ${m.month}`,
              m.cumulative,
              new D(total).mul(j + 1),
              REL,
              ABS,
            );
          });
          expect(new D(st.timeline.residual).isZero()).toBe(true);
          assertClose(`${st.id} npv`, st.timeline.npv, new D(total).mul(H), REL, ABS);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('matches the oracle month by month (growth, price changes, bought GPUs, discounting, one-time fine-tuning)', () => {
    fc.assert(
      fc.property(dynamicArb, (s) => {
        const r = evaluate(s);
        s.strategies.forEach((_, idx) => {
          const o = timelineOracle(s, idx);
          const t = r.strategies[idx].timeline;
          const id = s.strategies[idx]!.id;
          expect(t.months.length).toBe(o.months.length);
          o.months.forEach((m, j) => {
            const g = t.months[j];
            expect(g.month).toBe(j + 1);
            // one-time fine-tuning is paid at t = 0; whether it is shown as capex or opex of month 1 the
            // spec leaves open, so month 1 is checked as a total
            if (j === 0)
              assertClose(
                `${id} month 1 capex+opex`,
                new D(g.capex).add(g.opex),
                m.capex.add(m.opex),
                REL,
                ABS,
              );
            else {
              assertClose(`${id} capex month ${j + 1}`, g.capex, m.capex, REL, ABS);
              assertClose(`${id} opex month ${j + 1}`, g.opex, m.opex, REL, ABS);
            }
            assertClose(`${id} cumulative month ${j + 1}`, g.cumulative, m.cumulative, REL, ABS);
          });
          assertClose(`${id} residual`, t.residual, o.residual, REL, ABS);
          assertClose(`${id} npv`, t.npv, o.npv, '1e-25', '1e-20');
        });
      }),
      { numRuns: 60 },
    );
  });

  it('cumulative is the running sum of capex + opex, less the residual in month H', () => {
    fc.assert(
      fc.property(dynamicArb, (s) => {
        const r = evaluate(s);
        for (const st of r.strategies as Json[]) {
          const months = st.timeline.months as Json[];
          let run = new D(0);
          months.forEach((m, j) => {
            run = run.add(m.capex).add(m.opex);
            const want = j === months.length - 1 ? run.sub(st.timeline.residual) : run;
            assertClose(`${st.id} cumulative month ${m.month}`, m.cumulative, want, REL, ABS);
          });
        }
      }),
      { numRuns: 80 },
    );
  });

  it('npv discounts capex at the start and opex at the end of each month, the residual at H (from the months)', () => {
    fc.assert(
      fc.property(dynamicArb, (s0) => {
        // without one-time fine-tuning, whose month-1 column the spec leaves open
        const s: ScenarioIn = {
          ...s0,
          options: s0.options.map((o) => ({ ...o, fineTuningOneTime: '0' })),
        };
        const r = evaluate(s);
        const rate = new D(s.settings!.discountRatePerYear!);
        const factors: Dec[] = [];
        const df = (t: number): Dec => (factors[t] ??= D.pow(rate.add(1), new D(t).div(12)));
        for (const st of r.strategies as Json[]) {
          const months = st.timeline.months as Json[];
          let npv = new D(0);
          months.forEach((m, j) => {
            npv = npv.add(new D(m.capex).div(df(j))).add(new D(m.opex).div(df(j + 1)));
          });
          npv = npv.sub(new D(st.timeline.residual).div(df(months.length)));
          assertClose(`${st.id} npv`, st.timeline.npv, npv, '1e-25', '1e-20');
        }
      }),
      { numRuns: 50 },
    );
  });

  it('one-time fine-tuning F is paid at t = 0: npv rises by exactly F at any discount rate', () => {
    fc.assert(
      fc.property(dynamicArb, dec(1, 100000, 2), (s0, F) => {
        const s: ScenarioIn = {
          ...s0,
          options: s0.options.map((o) => ({ ...o, fineTuningOneTime: '0' })),
        };
        // add F to the first self-hosted option: strategy "self" uses it
        const t: ScenarioIn = {
          ...s,
          options: s.options.map((o) => (o.id === 'gpu-1' ? { ...o, fineTuningOneTime: F } : o)),
        };
        const a = evaluate(s).strategies[1].timeline;
        const b = evaluate(t).strategies[1].timeline;
        assertClose('npv', b.npv, new D(a.npv).add(F), '1e-30', ABS);
        (b.months as Json[]).forEach((m, j) =>
          assertClose(
            `cumulative ${j + 1}`,
            m.cumulative,
            new D(a.months[j].cumulative).add(F),
            REL,
            ABS,
          ),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('npvSavings = baseline npv - strategy npv; payback is the first month from which C stays <= B', () => {
    fc.assert(
      fc.property(dynamicArb, (s) => {
        const r = evaluate(s);
        const base = r.strategies[0];
        expect(base.vsBaseline).toBeNull();
        for (const st of (r.strategies as Json[]).slice(1)) {
          assertClose(
            `${st.id} npvSavings`,
            st.vsBaseline.npvSavings,
            new D(base.timeline.npv).sub(st.timeline.npv),
            REL,
            ABS,
          );
          expect(st.vsBaseline.paybackMonth, `${st.id} payback`).toBe(
            paybackFrom(st.timeline.months, base.timeline.months),
          );
        }
      }),
      { numRuns: 100 },
    );
  });

  it('payback month from the oracle cumulative costs', () => {
    fc.assert(
      fc.property(dynamicArb, (s) => {
        const r = evaluate(s);
        const b = timelineOracle(s, 0);
        for (let idx = 1; idx < s.strategies.length; idx++) {
          const c = timelineOracle(s, idx);
          let p: number | null = null;
          for (
            let j = c.months.length - 1;
            j >= 0 && c.months[j]!.cumulative.lte(b.months[j]!.cumulative);
            j--
          )
            p = j + 1;
          expect(r.strategies[idx].vsBaseline.paybackMonth).toBe(p);
        }
      }),
      { numRuns: 40 },
    );
  });

  /** A scenario whose strategy "self" runs only on bought GPUs with a single staff tier. */
  const buyArb = fc
    .tuple(
      scenarioArb(),
      fc.record({
        purchasePerGpu: dec(8000, 40000, 0),
        amortizationMonths: fc.integer({ min: 12, max: 60 }).map(String),
        residualShare: dec(0, 0.5, 2),
        powerKwPerGpu: dec(0.3, 1.5, 2),
        pue: dec(1, 1.8, 2),
        pricePerKwh: dec(0.05, 0.4, 3),
        hostingPerGpuMonth: dec(0, 300, 2),
      }),
      fc.integer({ min: 2, max: 36 }),
    )
    .map(([s, buy, H]): ScenarioIn => ({
      ...withSettings(s, { horizonMonths: String(H) }),
      options: s.options.map((o) =>
        o.id === 'gpu-1'
          ? ({
              ...(o as SelfHostIn),
              gpu: { mode: 'buy', ...buy },
              engineeringFte: [{ fromTokensPerDay: '0', fte: '1' }],
            } as SelfHostIn)
          : o,
      ),
    }));

  it('bought GPUs: month 1 capex = gpus * purchasePerGpu; residual = owned * residualShare * purchasePerGpu', () => {
    fc.assert(
      fc.property(buyArb, (s) => {
        const r = evaluate(s).strategies[1];
        const o = s.options.find((x) => x.id === 'gpu-1') as SelfHostIn;
        if (o.gpu.mode !== 'buy') throw new Error('unreachable');
        const gpus = r.capacity.find((c: Json) => c.optionId === 'gpu-1').gpus;
        assertClose(
          'capex month 1',
          r.timeline.months[0].capex,
          new D(o.gpu.purchasePerGpu).mul(gpus),
          REL,
          ABS,
        );
        // constant volume: nothing more is bought, and the same GPUs are returned at the end
        (r.timeline.months as Json[])
          .slice(1)
          .forEach((m) => expect(new D(m.capex).isZero()).toBe(true));
        assertClose(
          'residual',
          r.timeline.residual,
          new D(gpus).mul(o.gpu.residualShare).mul(o.gpu.purchasePerGpu),
          REL,
          ABS,
        );
        // the run-rate carries amortization; month opex carries power and hosting instead
        const amort = new D(o.gpu.purchasePerGpu)
          .mul(new D(1).sub(o.gpu.residualShare))
          .div(o.gpu.amortizationMonths)
          .mul(gpus);
        assertClose(
          'opex = run-rate - amortization',
          r.timeline.months[0].opex,
          new D(r.runRate.total).sub(amort),
          REL,
          ABS,
        );
      }),
      { numRuns: 80 },
    );
  });

  it('bought GPUs are never sold: with shrinking volume capex after month 1 is 0, opex stays flat, residual uses the peak', () => {
    fc.assert(
      fc.property(buyArb, dec(-0.3, -0.01, 2), (s0, g) => {
        const s: ScenarioIn = {
          ...s0,
          workloads: s0.workloads.map((w) => ({ ...w, growthPerMonth: g })),
        };
        const r = evaluate(s).strategies[1];
        const o = s.options.find((x) => x.id === 'gpu-1') as SelfHostIn;
        if (o.gpu.mode !== 'buy') throw new Error('unreachable');
        const gpus = r.capacity.find((c: Json) => c.optionId === 'gpu-1').gpus;
        const months = r.timeline.months as Json[];
        assertClose(
          'capex month 1',
          months[0].capex,
          new D(o.gpu.purchasePerGpu).mul(gpus),
          REL,
          ABS,
        );
        for (const m of months.slice(1)) {
          expect(new D(m.capex).isZero(), `capex month ${m.month}`).toBe(true);
          // owned GPUs, their power, hosting, storage and monitoring and the one staff tier: unchanged
          assertClose(`opex month ${m.month}`, m.opex, months[0].opex, REL, ABS);
        }
        assertClose(
          'residual',
          r.timeline.residual,
          new D(gpus).mul(o.gpu.residualShare).mul(o.gpu.purchasePerGpu),
          REL,
          ABS,
        );
        // and against the oracle, which tracks owned(m) = max(owned(m-1), gpus(m))
        const or = timelineOracle(s, 1);
        const last = or.months[or.months.length - 1]!;
        expect(Number(last.owned.get('gpu-1'))).toBe(gpus);
        assertClose('oracle residual', r.timeline.residual, or.residual, REL, ABS);
      }),
      { numRuns: 60 },
    );
  });

  it('bought GPUs with growing volume: capex buys only the increase, residual uses the GPUs owned at the end', () => {
    fc.assert(
      fc.property(buyArb, dec(0.01, 0.3, 2), (s0, g) => {
        const s: ScenarioIn = {
          ...s0,
          workloads: s0.workloads.map((w) => ({ ...w, growthPerMonth: g })),
        };
        const r = evaluate(s).strategies[1];
        const o = s.options.find((x) => x.id === 'gpu-1') as SelfHostIn;
        if (o.gpu.mode !== 'buy') throw new Error('unreachable');
        const or = timelineOracle(s, 1);
        let totalCapex = new D(0);
        (r.timeline.months as Json[]).forEach((m) => {
          expect(new D(m.capex).gte(0)).toBe(true);
          totalCapex = totalCapex.add(m.capex);
        });
        const owned = or.months[or.months.length - 1]!.owned.get('gpu-1')!;
        assertClose(
          'all capex = owned * purchase',
          totalCapex,
          new D(owned.toString()).mul(o.gpu.purchasePerGpu),
          REL,
          ABS,
        );
        assertClose(
          'residual',
          r.timeline.residual,
          new D(owned.toString()).mul(o.gpu.residualShare).mul(o.gpu.purchasePerGpu),
          REL,
          ABS,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('a positive discount rate makes npv smaller than the undiscounted sum of positive flows', () => {
    fc.assert(
      fc.property(
        scenarioArb(),
        dec(0.001, 0.3, 3),
        fc.integer({ min: 1, max: 36 }),
        (s0, rate, H) => {
          const s = withSettings(rentedOnly(s0), {
            horizonMonths: String(H),
            discountRatePerYear: rate,
          });
          const r = evaluate(s);
          for (const st of r.strategies as Json[]) {
            const months = st.timeline.months as Json[];
            const undiscounted = new D(months[months.length - 1].cumulative);
            expect(undiscounted.gt(0)).toBe(true);
            expect(
              new D(st.timeline.npv).lt(undiscounted),
              `${st.id}: npv ${st.timeline.npv} vs ${undiscounted.toFixed()}`,
            ).toBe(true);
            expect(new D(st.timeline.npv).gt(0)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('timeline golden cases (hand-computed to the cent)', () => {
  /*
   * Golden A: DESIGN 3.6a over 12 months. All-API costs 4,220.3125 + 1,666.666... = 5,886.979166... a
   * month; self-hosting 1,825 + 300 + 210 + 8,333.333... = 10,668.333... a month. Undiscounted:
   * 70,643.75 and 128,020.00. Discounted at 8% a year (each month's flow at its end, t = m + 1):
   * sum_{t=1..12} 5,886.979166.../1.08^(t/12) = 67,775.95 and 10,668.333... * the same annuity = 122,823.01.
   */
  const workedExample = (discount: string): ScenarioIn =>
    ({
      ...structuredClone(WORKED_EXAMPLE),
      settings: { ...WORKED_EXAMPLE.settings, discountRatePerYear: discount },
    }) as unknown as ScenarioIn;

  it('golden A: the worked example over 12 months, undiscounted and at 8%', () => {
    const r0 = evaluate(workedExample('0'));
    const [api0, self0] = r0.strategies;
    expect(cents(api0.runRate.total)).toBe('5886.98');
    expect(cents(self0.runRate.total)).toBe('10668.33');
    expect(cents(api0.timeline.months[11].cumulative)).toBe('70643.75');
    expect(cents(self0.timeline.months[11].cumulative)).toBe('128020.00');
    expect(cents(api0.timeline.npv)).toBe('70643.75');
    expect(cents(self0.timeline.npv)).toBe('128020.00');
    expect(cents(self0.vsBaseline.npvSavings)).toBe('-57376.25');
    expect(cents(self0.vsBaseline.runRateSavings)).toBe('-4781.35');
    expect(self0.vsBaseline.paybackMonth).toBeNull();

    const r8 = evaluate(workedExample('0.08'));
    const [api8, self8] = r8.strategies;
    expect(cents(api8.timeline.npv)).toBe('67775.95');
    expect(cents(self8.timeline.npv)).toBe('122823.01');
    expect(cents(self8.vsBaseline.npvSavings)).toBe('-55047.05');
    // discounting does not touch the undiscounted cumulative
    expect(cents(self8.timeline.months[11].cumulative)).toBe('128020.00');
  });

  /*
   * Golden B: 30-day months (daysPerYear 360, 720 hours), staff at 120,000 a year (10,000 a month).
   * One workload of 100M tokens/day, half input, growing 50% a month, horizon 4 months.
   * API: 1 / 3 per 1M -> 2 per 1M blended; 3,000M tokens a month -> 6,000; then 9,000; 13,500; 20,250.
   * Self-hosted on bought GPUs: 30,000 each, residual 50%; power 1 kW * PUE 1.5 * 720 h * 0.10 = 108
   * plus hosting 92 = 200 per owned GPU-month; storage 10 per GPU-month; monitoring 100 a month;
   * staff 0.5 FTE (5,000 a month) from 200M tokens/day. 2 GPUs per replica, prefill 10,000, decode
   * 1,000 tokens/s, utilization 0.5, min 1 replica. x = V * (0.5/10000 + 0.5/1000) / 86400:
   *   month 1: V 100M   x 0.6366 -> /0.5 = 1.27 -> 2 replicas, 4 GPUs (buy 4: capex 120,000)
   *   month 2: V 150M   x 0.9549 -> 1.91 -> 2 replicas, 4 GPUs
   *   month 3: V 225M   x 1.4323 -> 2.86 -> 3 replicas, 6 GPUs (buy 2: capex 60,000), staff on
   *   month 4: V 337.5M x 2.1484 -> 4.30 -> 5 replicas, 10 GPUs (buy 4: capex 120,000)
   * opex = owned * (200 + 10) + 100 + staff: 940, 940, 1,360 + 5,000 = 6,360, 2,200 + 5,000 = 7,200.
   * Residual 10 * 0.5 * 30,000 = 150,000. Cumulative: 120,940; 121,880; 188,240; 315,440 - 150,000 = 165,440.
   * At 10% a year: npv = sum capex_m / 1.1^(m/12) + opex_m / 1.1^((m+1)/12) - 150,000 / 1.1^(4/12)
   * = 165,962.37 (self) and 47,609.60 (API).
   * Run-rate today (self): GPU 4 * (30,000 * 0.5 / 30 + 200) = 2,800; storage 40; monitoring 100; total 2,940.
   */
  const goldenB = (discount: string): ScenarioIn => ({
    format: 'llm-tco-scenario',
    version: 1,
    settings: {
      daysPerYear: 360,
      fteCostPerYear: 120000,
      horizonMonths: 4,
      discountRatePerYear: discount,
    },
    workloads: [
      { id: 'chat', tokensPerDay: '100000000', inputShare: '0.5', growthPerMonth: '0.5' },
    ],
    options: [
      { kind: 'api', id: 'api', inputPerM: '1', outputPerM: '3' },
      {
        kind: 'selfHost',
        id: 'owned',
        gpu: {
          mode: 'buy',
          purchasePerGpu: '30000',
          amortizationMonths: '30',
          residualShare: '0.5',
          powerKwPerGpu: '1',
          pue: '1.5',
          pricePerKwh: '0.1',
          hostingPerGpuMonth: '92',
        },
        gpusPerReplica: '2',
        prefillTokensPerSec: '10000',
        decodeTokensPerSec: '1000',
        targetUtilization: '0.5',
        minReplicas: '1',
        storagePerGpuMonth: '10',
        monitoringPerMonth: '100',
        engineeringFte: [
          { fromTokensPerDay: '0', fte: '0' },
          { fromTokensPerDay: '200000000', fte: '0.5' },
        ],
      },
    ],
    strategies: [
      { id: 'api', routes: [{ workloadId: 'chat', optionId: 'api', share: '1' }] },
      { id: 'self', routes: [{ workloadId: 'chat', optionId: 'owned', share: '1' }] },
    ],
  });

  it('golden B: bought GPUs with 50% monthly growth, staff step, residual; undiscounted', () => {
    const r = evaluate(goldenB('0'));
    const [api, self] = r.strategies;
    expect(self.runRate.total).toBe('2940');
    expect(self.runRate.gpu).toBe('2800');
    expect(self.capacity).toEqual([
      { optionId: 'owned', replicas: 2, gpus: 4, utilization: expect.any(String) },
    ]);
    expect(
      (api.timeline.months as Json[]).map((m) => [
        m.month,
        cents(m.capex),
        cents(m.opex),
        cents(m.cumulative),
      ]),
    ).toEqual([
      [1, '0.00', '6000.00', '6000.00'],
      [2, '0.00', '9000.00', '15000.00'],
      [3, '0.00', '13500.00', '28500.00'],
      [4, '0.00', '20250.00', '48750.00'],
    ]);
    expect(
      (self.timeline.months as Json[]).map((m) => [
        m.month,
        cents(m.capex),
        cents(m.opex),
        cents(m.cumulative),
      ]),
    ).toEqual([
      [1, '120000.00', '940.00', '120940.00'],
      [2, '0.00', '940.00', '121880.00'],
      [3, '60000.00', '6360.00', '188240.00'],
      [4, '120000.00', '7200.00', '165440.00'],
    ]);
    expect(cents(self.timeline.residual)).toBe('150000.00');
    expect(cents(self.timeline.npv)).toBe('165440.00');
    expect(cents(api.timeline.npv)).toBe('48750.00');
    expect(cents(self.vsBaseline.npvSavings)).toBe('-116690.00');
    expect(self.vsBaseline.paybackMonth).toBeNull();
  });

  it('golden B at 10% a year', () => {
    const r = evaluate(goldenB('0.1'));
    const [api, self] = r.strategies;
    expect(cents(self.timeline.npv)).toBe('165962.37');
    expect(cents(api.timeline.npv)).toBe('47609.60');
    expect(cents(self.vsBaseline.npvSavings)).toBe('-118352.78');
    // cumulative stays undiscounted
    expect(cents(self.timeline.months[3].cumulative)).toBe('165440.00');
  });

  it('API price changes apply per year: month 13 pays (1 + priceChangePerYear) times the usage', () => {
    // the worked example's API: usage 4,220.3125 a month, integration 1,666.67; +10% from month 13
    const s = workedExample('0');
    const t: ScenarioIn = {
      ...s,
      settings: { ...s.settings, horizonMonths: 13 },
      options: s.options.map((o) => (o.kind === 'api' ? { ...o, priceChangePerYear: '0.1' } : o)),
    };
    const api = evaluate(t).strategies[0];
    expect(cents(api.timeline.months[11].opex)).toBe('5886.98');
    // 4,220.3125 * 1.1 = 4,642.34375, + 1,666.666... = 6,309.010416...
    assertClose(
      'month 13 opex',
      api.timeline.months[12].opex,
      new D('4642.34375').add(new D(200000).mul('0.1').div(12)),
      REL,
      ABS,
    );
    expect(cents(api.timeline.npv)).toBe('76952.76');
    expect(Q.of(api.timeline.months[12].opex).toDec().gt(api.timeline.months[11].opex)).toBe(true);
  });
});
