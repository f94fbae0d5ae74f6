import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../src/core/decimal';
import type { ScenarioResult } from '../../src/core/result';
import type { ScenarioDoc } from '../../src/scenario/document';
import {
  CSV_MIME_TYPE,
  csvFileName,
  guardFormula,
  minorUnitDigits,
  numberCell,
  roundHalfAwayFromZero,
  runRateCsv,
  textCell,
  timelineCsv,
  toCsv,
} from '../../src/scenario/files/csv-export';
import { PRESETS } from '../../src/scenario/presets';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { evaluateOk } from '../core/helpers';
import { WORKED_EXAMPLE } from '../core/worked-example';
import { parseCsv, parseCsvObjects } from './csv-parse';

function docOf(input: unknown): ScenarioDoc {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.document;
}

/** Half away from zero, to `digits` places: the expected value of a money cell. */
const round = (amount: string, digits: number) =>
  new Dec(amount).toDecimalPlaces(digits, Dec.ROUND_HALF_UP).toFixed(digits);
const cents = (amount: string) => round(amount, 2);
const perM = (amount: string | null) => (amount === null ? '' : round(amount, 6));
/** Plain decimal text as the result has it (the result never writes exponents). */
const plain = (value: string) => new Dec(value).toFixed();

/** Two workloads, three options (API, bought and rented GPUs), three strategies. */
const MULTI = {
  format: 'llm-tco-scenario',
  version: 1,
  name: 'Three ways to serve chat and a nightly batch',
  currency: 'USD',
  settings: { daysPerYear: 365, fteCostPerYear: '240000', horizonMonths: 24 },
  workloads: [
    {
      id: 'chat',
      name: 'Chat',
      tokensPerDay: '400000000',
      inputShare: '0.7',
      cachedInputShare: '0.2',
      peakToAverage: '3',
      growthPerMonth: '0.05',
    },
    {
      id: 'batch',
      name: 'Nightly batch',
      tokensPerDay: '900000000',
      inputShare: '0.9',
      batchShare: '1',
    },
  ],
  options: [
    {
      kind: 'api',
      id: 'api',
      name: 'Hosted API',
      inputPerM: '1.25',
      outputPerM: '10',
      cachedInputPerM: '0.125',
      batchDiscount: '0.5',
      priceChangePerYear: '-0.2',
      integrationFte: '0.1',
    },
    {
      kind: 'selfHost',
      id: 'owned',
      name: 'Bought H100 pairs',
      gpu: {
        mode: 'buy',
        name: 'H100',
        purchasePerGpu: '30000',
        amortizationMonths: '36',
        residualShare: '0.2',
        powerKwPerGpu: '1.1',
        pue: '1.3',
        pricePerKwh: '0.12',
        hostingPerGpuMonth: '150',
      },
      gpusPerReplica: '2',
      prefillTokensPerSec: '6797',
      decodeTokensPerSec: '12624',
      targetUtilization: '0.6',
      minReplicas: '2',
      storagePerMonth: '250',
      monitoringPerGpuMonth: '20',
      engineeringFte: [
        { fromTokensPerDay: '0', fte: '0.5' },
        { fromTokensPerDay: '1000000000', fte: '1' },
      ],
      fineTuningOneTime: '25000',
    },
    {
      kind: 'selfHost',
      id: 'rented',
      name: 'Rented H100 pairs',
      gpu: { mode: 'hourly', name: 'H100', hourlyPerGpu: '3.99' },
      gpusPerReplica: '2',
      prefillTokensPerSec: '6797',
      decodeTokensPerSec: '12624',
      targetUtilization: '0.7',
      engineeringFte: [{ fromTokensPerDay: '0', fte: '0.25' }],
    },
  ],
  strategies: [
    {
      id: 'api',
      name: 'All API',
      routes: [
        { workloadId: 'chat', optionId: 'api', share: '1' },
        { workloadId: 'batch', optionId: 'api', share: '1' },
      ],
    },
    {
      id: 'owned',
      name: 'All on bought GPUs',
      routes: [
        { workloadId: 'chat', optionId: 'owned', share: '1' },
        { workloadId: 'batch', optionId: 'owned', share: '1' },
      ],
    },
    {
      id: 'mixed',
      name: 'Chat split, batch rented',
      routes: [
        { workloadId: 'chat', optionId: 'api', share: '0.5' },
        { workloadId: 'chat', optionId: 'owned', share: '0.5' },
        { workloadId: 'batch', optionId: 'rented', share: '1' },
      ],
    },
  ],
};

/** Names a spreadsheet would run as formulas, or that need quoting. */
const HOSTILE_NAMES = {
  scenario: 'Costs, "draft"\nQ3',
  workload: '=HYPERLINK("https://example.com","click")',
  api: '+1 API, "premium"',
  selfHost: '-2 GPUs\r\nrented',
  baseline: '@SUM(A1:A9)',
  challenger: '\tTabbed, "quoted"\nnewline',
};
const HOSTILE = {
  ...WORKED_EXAMPLE,
  name: HOSTILE_NAMES.scenario,
  workloads: [{ ...WORKED_EXAMPLE.workloads[0], name: HOSTILE_NAMES.workload }],
  options: [
    { ...WORKED_EXAMPLE.options[0], name: HOSTILE_NAMES.api },
    { ...WORKED_EXAMPLE.options[1], name: HOSTILE_NAMES.selfHost },
  ],
  strategies: [
    { ...WORKED_EXAMPLE.strategies[0], name: HOSTILE_NAMES.baseline },
    { ...WORKED_EXAMPLE.strategies[1], name: HOSTILE_NAMES.challenger },
  ],
};

/**
 * Extremes the format allows: a huge fleet of expensive GPUs over ten years next to a trickle of
 * traffic on an API priced at 40 decimal places (values decimal.js would print as 1e+17, 1e-34).
 */
const EXTREME = {
  ...WORKED_EXAMPLE,
  name: 'Extremes',
  settings: { ...WORKED_EXAMPLE.settings, horizonMonths: 120 },
  workloads: [
    {
      id: 'w',
      tokensPerDay: '0.0000000000000000000000000000000000000001',
      inputShare: '0.5',
    },
  ],
  options: [
    {
      kind: 'api',
      id: 'api',
      inputPerM: '0.0000000000000000000000000000000000000001',
      outputPerM: '0.0000000000000000000000000000000000000003',
    },
    {
      kind: 'selfHost',
      id: 'fleet',
      gpu: { mode: 'monthly', monthlyPerGpu: '10000000' },
      gpusPerReplica: '4096',
      prefillTokensPerSec: '1000000000',
      decodeTokensPerSec: '1000000000',
      minReplicas: '100000',
      fineTuningPerMonth: '10000000000',
    },
  ],
  strategies: [
    { id: 'all-api', routes: [{ workloadId: 'w', optionId: 'api', share: 1 }] },
    { id: 'self', routes: [{ workloadId: 'w', optionId: 'fleet', share: 1 }] },
  ],
};

type Case = { label: string; input: unknown };
const CASES: Case[] = [
  ...PRESETS.map((p) => ({ label: `preset ${p.id}`, input: p.scenario })),
  { label: 'three strategies, two workloads', input: MULTI },
  { label: 'hostile names', input: HOSTILE },
  { label: 'extreme values', input: EXTREME },
];
const evaluated = CASES.map((c) => {
  const doc = docOf(c.input);
  return { ...c, doc, result: evaluateOk(doc) };
});

const RUN_RATE_HEADER = (c: string) => [
  'row_type',
  'strategy_id',
  'strategy_name',
  'item_id',
  'item_name',
  'tokens_per_day',
  `monthly_total_${c}`,
  `monthly_api_${c}`,
  `monthly_gpu_${c}`,
  `monthly_storage_${c}`,
  `monthly_monitoring_${c}`,
  `monthly_engineering_${c}`,
  `monthly_fine_tuning_${c}`,
  `cost_per_1M_tokens_${c}`,
  `monthly_savings_vs_baseline_${c}`,
  'replicas',
  'gpus',
  'utilization',
];
const TIMELINE_HEADER = (c: string) => [
  'strategy_id',
  'strategy_name',
  'month',
  `capex_${c}`,
  `opex_${c}`,
  `residual_value_${c}`,
  `cumulative_cost_${c}`,
  `cumulative_savings_vs_baseline_${c}`,
];
const TEXT_COLUMNS = new Set(['row_type', 'strategy_id', 'strategy_name', 'item_id', 'item_name']);
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** The run-rate rows the export should hold, computed from the result. */
function expectedRunRateRows(result: ScenarioResult, doc: ScenarioDoc): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  const blankParts = {
    monthly_api_USD: '',
    monthly_gpu_USD: '',
    monthly_storage_USD: '',
    monthly_monitoring_USD: '',
    monthly_engineering_USD: '',
    monthly_fine_tuning_USD: '',
  };
  const guard = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
  for (const s of result.strategies) {
    const tokens = s.byWorkload.reduce((t, w) => t.plus(w.tokensPerDay), new Dec(0));
    rows.push({
      row_type: 'strategy',
      strategy_id: s.id,
      strategy_name: guard(s.name),
      item_id: '',
      item_name: '',
      tokens_per_day: tokens.toFixed(),
      monthly_total_USD: cents(s.runRate.total),
      monthly_api_USD: cents(s.runRate.api),
      monthly_gpu_USD: cents(s.runRate.gpu),
      monthly_storage_USD: cents(s.runRate.storage),
      monthly_monitoring_USD: cents(s.runRate.monitoring),
      monthly_engineering_USD: cents(s.runRate.engineering),
      monthly_fine_tuning_USD: cents(s.runRate.fineTuning),
      cost_per_1M_tokens_USD: perM(s.costPerMTokens),
      monthly_savings_vs_baseline_USD: s.vsBaseline ? cents(s.vsBaseline.runRateSavings) : '',
      replicas: '',
      gpus: '',
      utilization: '',
    });
    for (const o of s.byOption) {
      const cap = s.capacity.find((c) => c.optionId === o.optionId);
      rows.push({
        row_type: 'option',
        strategy_id: s.id,
        strategy_name: guard(s.name),
        item_id: o.optionId,
        item_name: guard(doc.options.find((x) => x.id === o.optionId)?.name ?? '?'),
        tokens_per_day: plain(o.tokensPerDay),
        monthly_total_USD: cents(o.runRate),
        ...blankParts,
        cost_per_1M_tokens_USD: perM(o.costPerMTokens),
        monthly_savings_vs_baseline_USD: '',
        replicas: cap ? String(cap.replicas) : '',
        gpus: cap ? String(cap.gpus) : '',
        utilization: cap ? plain(cap.utilization) : '',
      });
    }
    for (const w of s.byWorkload) {
      rows.push({
        row_type: 'workload',
        strategy_id: s.id,
        strategy_name: guard(s.name),
        item_id: w.workloadId,
        item_name: guard(doc.workloads.find((x) => x.id === w.workloadId)?.name ?? '?'),
        tokens_per_day: plain(w.tokensPerDay),
        monthly_total_USD: cents(w.runRate),
        ...blankParts,
        cost_per_1M_tokens_USD: perM(w.costPerMTokens),
        monthly_savings_vs_baseline_USD: '',
        replicas: '',
        gpus: '',
        utilization: '',
      });
    }
  }
  return rows;
}

describe('run-rate CSV', () => {
  it('reproduces the DESIGN 3.6a worked example to the cent', () => {
    const doc = docOf(WORKED_EXAMPLE);
    const rows = parseCsvObjects(runRateCsv(evaluateOk(doc), doc));
    const api = rows.find((r) => r.row_type === 'strategy' && r.strategy_id === 'all-api');
    const self = rows.find((r) => r.row_type === 'strategy' && r.strategy_id === 'self');
    expect(api).toMatchObject({
      monthly_api_USD: '4220.31',
      monthly_engineering_USD: '1666.67',
      monthly_total_USD: '5886.98',
      monthly_savings_vs_baseline_USD: '',
      tokens_per_day: '50000000',
    });
    expect(self).toMatchObject({
      monthly_gpu_USD: '1825.00',
      monthly_storage_USD: '300.00',
      monthly_monitoring_USD: '210.00',
      monthly_engineering_USD: '8333.33',
      monthly_total_USD: '10668.33',
      // Negative: self-hosting costs more at this volume, and the cell stays a number.
      monthly_savings_vs_baseline_USD: '-4781.35',
    });
    const fleet = rows.find((r) => r.row_type === 'option' && r.strategy_id === 'self');
    expect(fleet).toMatchObject({ item_id: 'h100', replicas: '1', gpus: '1' });
    expect(fleet?.utilization).toMatch(/^0\.1234567901234567901/);
  });

  it.each(evaluated.map((e) => [e.label, e] as const))(
    '%s: every number is the result rounded as documented',
    (_, { doc, result }) => {
      const csv = runRateCsv(result, doc);
      const [header] = parseCsv(csv);
      expect(header).toEqual(RUN_RATE_HEADER(doc.currency));
      expect(parseCsvObjects(csv)).toEqual(expectedRunRateRows(result, doc));
    },
  );

  it('lists the capacity of every self-hosted option a strategy uses, and none for APIs', () => {
    const { doc, result } = evaluated.find((e) => e.label.startsWith('three'))!;
    const rows = parseCsvObjects(runRateCsv(result, doc)).filter((r) => r.row_type === 'option');
    expect(rows.map((r) => `${r.strategy_id}/${r.item_id}`)).toEqual([
      'api/api',
      'owned/owned',
      'mixed/api',
      'mixed/owned',
      'mixed/rented',
    ]);
    for (const r of rows) {
      if (r.item_id === 'api') expect([r.replicas, r.gpus, r.utilization]).toEqual(['', '', '']);
      else expect(Number(r.gpus)).toBe(2 * Number(r.replicas));
    }
  });
  it("adds up: each strategy's option rows, and its workload rows, sum to its total", () => {
    const { doc, result } = evaluated.find((e) => e.label.startsWith('three'))!;
    const rows = parseCsvObjects(runRateCsv(result, doc));
    for (const s of result.strategies) {
      const mine = rows.filter((r) => r.strategy_id === s.id);
      const total = new Dec(mine.find((r) => r.row_type === 'strategy')!.monthly_total_USD!);
      for (const type of ['option', 'workload']) {
        const parts = mine.filter((r) => r.row_type === type);
        const sum = parts.reduce((t, r) => t.plus(r.monthly_total_USD!), new Dec(0));
        // Each cell is rounded on its own: at most half a cent apart per row.
        expect(sum.minus(total).abs().toNumber()).toBeLessThanOrEqual(0.005 * parts.length);
      }
    }
  });
});

describe('timeline CSV', () => {
  it.each(evaluated.map((e) => [e.label, e] as const))(
    '%s: one row per strategy and month, every amount the result to the cent',
    (_, { doc, result }) => {
      const csv = timelineCsv(result, doc);
      const [header] = parseCsv(csv);
      expect(header).toEqual(TIMELINE_HEADER(doc.currency));
      const rows = parseCsvObjects(csv);
      const horizon = Number(doc.settings.horizonMonths);
      expect(rows).toHaveLength(result.strategies.length * horizon);
      const baseline = result.strategies[0]!;
      let at = 0;
      result.strategies.forEach((s, index) => {
        s.timeline.months.forEach((m, i) => {
          const row = rows[at++]!;
          expect(row).toEqual({
            strategy_id: s.id,
            strategy_name: guardFormula(s.name),
            month: String(i + 1),
            capex_USD: cents(m.capex),
            opex_USD: cents(m.opex),
            residual_value_USD: i === horizon - 1 ? cents(s.timeline.residual) : '0.00',
            cumulative_cost_USD: cents(m.cumulative),
            cumulative_savings_vs_baseline_USD:
              index === 0
                ? ''
                : cents(
                    new Dec(baseline.timeline.months[i]!.cumulative).minus(m.cumulative).toFixed(),
                  ),
          });
        });
      });
    },
  );

  it('shows the capex of bought GPUs and their residual value in the last month', () => {
    const { doc, result } = evaluated.find((e) => e.label.startsWith('three'))!;
    const rows = parseCsvObjects(timelineCsv(result, doc)).filter((r) => r.strategy_id === 'owned');
    expect(Number(rows[0]?.capex_USD)).toBeGreaterThan(0);
    expect(Number(rows.at(-1)?.residual_value_USD)).toBeGreaterThan(0);
    expect(rows.slice(0, -1).every((r) => r.residual_value_USD === '0.00')).toBe(true);
    // Cumulative cost adds up from the monthly flows (to a cent per month of rounding).
    let sum = new Dec(0);
    for (const r of rows) {
      sum = sum.plus(r.capex_USD!).plus(r.opex_USD!).minus(r.residual_value_USD!);
      expect(sum.minus(r.cumulative_cost_USD!).abs().toNumber()).toBeLessThanOrEqual(
        0.01 * Number(r.month),
      );
    }
  });
});

describe('CSV format', () => {
  const all = evaluated.flatMap((e) => [
    { label: `${e.label} run-rate`, csv: runRateCsv(e.result, e.doc) },
    { label: `${e.label} timeline`, csv: timelineCsv(e.result, e.doc) },
  ]);

  it.each(all.map((a) => [a.label, a.csv] as const))(
    '%s: CRLF records, strict RFC 4180, numbers plain (no exponent, separator or symbol)',
    (_, csv) => {
      expect(csv.endsWith('\r\n')).toBe(true);
      const records = parseCsv(csv); // throws on a bare LF, a stray quote or a ragged row
      const [header, ...rows] = records;
      expect(rows.length).toBeGreaterThan(0);
      header!.forEach((name, j) => {
        if (TEXT_COLUMNS.has(name)) return;
        for (const row of rows) {
          const cell = row[j]!;
          if (cell !== '') expect(cell, `${name}: ${cell}`).toMatch(PLAIN_NUMBER);
        }
      });
    },
  );

  it('writes huge and tiny values in full, never in exponent notation', () => {
    const { doc, result } = evaluated.find((e) => e.label === 'extreme values')!;
    const runRate = parseCsvObjects(runRateCsv(result, doc));
    const timeline = parseCsvObjects(timelineCsv(result, doc));
    const fleet = runRate.find((r) => r.row_type === 'option' && r.item_id === 'fleet')!;
    expect(fleet.gpus).toBe('409600000');
    expect(new Dec(fleet.monthly_total_USD!).greaterThan('1e15')).toBe(true);
    expect(fleet.tokens_per_day).toBe('0.0000000000000000000000000000000000000001');
    expect(new Dec(fleet.utilization!).isZero()).toBe(false);
    expect(fleet.utilization).toMatch(/^0\.0{40,}\d/);
    const self = runRate.find((r) => r.row_type === 'strategy' && r.strategy_id === 'self')!;
    expect(self.cost_per_1M_tokens_USD).toMatch(/^\d{60,}\.\d{6}$/);
    const last = timeline.filter((r) => r.strategy_id === 'self').at(-1)!;
    expect(new Dec(last.cumulative_cost_USD!).greaterThan('1e17')).toBe(true);
    for (const csv of [runRateCsv(result, doc), timelineCsv(result, doc)]) {
      expect(csv).not.toMatch(/\d[eE][+-]?\d/);
    }
  });

  it('quotes names with commas, quotes and line breaks, and defuses formulas in them', () => {
    const { doc, result } = evaluated.find((e) => e.label === 'hostile names')!;
    const csv = runRateCsv(result, doc);
    const rows = parseCsvObjects(csv);
    const names = new Set(rows.flatMap((r) => [r.strategy_name, r.item_name]));
    expect(names).toEqual(
      new Set([
        "'@SUM(A1:A9)",
        '\'\tTabbed, "quoted"\nnewline',
        '\'+1 API, "premium"',
        "'-2 GPUs\r\nrented",
        '\'=HYPERLINK("https://example.com","click")',
        '',
      ]),
    );
    expect(csv).toContain('"\'+1 API, ""premium"""');
    // Negative numbers are numbers, not defused text.
    const savings = rows.find((r) => r.strategy_id === 'self' && r.row_type === 'strategy');
    expect(savings?.monthly_savings_vs_baseline_USD).toMatch(/^-\d+\.\d\d$/);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+44 20', "'+44 20"],
    ['-cheap', "'-cheap"],
    ['@user', "'@user"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain', 'plain'],
    [' =not a formula', ' =not a formula'],
    ['', ''],
  ])('guardFormula(%j) is %j', (input, output) => {
    expect(guardFormula(input)).toBe(output);
  });

  it('toCsv refuses a number cell that is not a plain decimal (a programmer mistake)', () => {
    expect(toCsv([[numberCell('-12.50'), textCell('-12.50'), null]])).toBe("-12.50,'-12.50,\r\n");
    expect(() => toCsv([[numberCell('1e21')]])).toThrow(/plain number/);
    expect(() => toCsv([[numberCell('1,000')]])).toThrow(/plain number/);
  });

  it('names the files after the scenario', () => {
    const doc = docOf(PRESETS[0]!.scenario);
    expect(csvFileName(doc, 'run-rate')).toBe(
      'support-assistant-gpt-5-api-or-llama-3-3-70b-on-rented-h100s-run-rate.csv',
    );
    expect(csvFileName({ ...doc, name: '' }, 'timeline')).toBe('scenario-timeline.csv');
    expect(CSV_MIME_TYPE).toMatch(/^text\/csv/);
  });
});

describe('money rounding', () => {
  it.each([
    ['2.345', 2, '2.35'],
    ['-2.345', 2, '-2.35'],
    ['2.3449999999', 2, '2.34'],
    ['0.005', 2, '0.01'],
    ['-0.005', 2, '-0.01'],
    ['-0.004', 2, '0.00'],
    ['1234.5', 0, '1235'],
    ['-1234.5', 0, '-1235'],
    ['1.0005', 3, '1.001'],
    ['1e21', 2, '1000000000000000000000.00'],
    ['1e-30', 2, '0.00'],
  ])('roundHalfAwayFromZero(%s, %i) is %s', (amount, digits, expected) => {
    expect(roundHalfAwayFromZero(amount, digits)).toBe(expected);
  });

  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
  ])('%s has %i minor-unit digits', (currency, digits) => {
    expect(minorUnitDigits(currency)).toBe(digits);
  });

  it('rounds like Intl.NumberFormat (the app display) on any decimal', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 8 }))
      .map(([n, scale]) => new Dec(n.toString()).div(new Dec(10).pow(scale)).toFixed());
    fc.assert(
      fc.property(amount, fc.constantFrom(0, 2, 3), (value, digits) => {
        const intl = new Intl.NumberFormat('en', {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
          useGrouping: false,
          signDisplay: 'negative',
        });
        expect(roundHalfAwayFromZero(value, digits)).toBe(
          intl.format(value as Intl.StringNumericLiteral),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('uses the minor unit of the scenario currency in the exports (JPY: whole yen)', () => {
    const doc = docOf({ ...WORKED_EXAMPLE, currency: 'JPY' });
    const result = evaluateOk(doc);
    const csv = runRateCsv(result, doc);
    const [header] = parseCsv(csv);
    expect(header).toEqual(RUN_RATE_HEADER('JPY'));
    const api = parseCsvObjects(csv).find((r) => r.strategy_id === 'all-api')!;
    expect(api.monthly_total_JPY).toBe('5887');
    expect(api.cost_per_1M_tokens_JPY).toBe(round(result.strategies[0]!.costPerMTokens!, 4));
    const timeline = parseCsvObjects(timelineCsv(result, doc));
    expect(timeline[0]?.opex_JPY).toBe(round(result.strategies[0]!.timeline.months[0]!.opex, 0));
  });
});
