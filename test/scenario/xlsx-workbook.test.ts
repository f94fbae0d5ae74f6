import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import type { ScenarioResult } from '../../src/core/result';
import type { ScenarioDoc } from '../../src/scenario/document';
import {
  FUNCTIONS,
  XLSX_SHEETS,
  assertSafeFormula,
  buildXlsxWorkbook,
  xlsxFileName,
  xlsxNumberFormats,
} from '../../src/scenario/files/xlsx-workbook';
import type { XlsxCell, XlsxWorkbook } from '../../src/scenario/files/xlsx-workbook';
import { DEFAULT_PRESET, findPreset } from '../../src/scenario/presets';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { evaluateOk } from '../core/helpers';
import { WORKED_EXAMPLE } from '../core/worked-example';
import { evaluateWorkbook } from './xlsx-formulas';
import type { Value } from './xlsx-formulas';

function docOf(input: unknown): ScenarioDoc {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.document;
}

const INFO = { exportedOn: '2026-11-20', link: 'https://calc.example/#s1.abc' };

/** Bought GPUs (amortization, residual, power, hosting), growth, price changes, discounting. */
const BOUGHT = {
  format: 'llm-tco-scenario',
  version: 1,
  name: 'Bought H100s against the API',
  settings: {
    daysPerYear: 365,
    fteCostPerYear: '240000',
    horizonMonths: 24,
    discountRatePerYear: '0.1',
  },
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
      fineTuningPerMonth: '120',
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
      storagePerGpuMonth: '12.5',
      monitoringPerGpuMonth: '20',
      engineeringFte: [
        { fromTokensPerDay: '0', fte: '0.5' },
        { fromTokensPerDay: '1000000000', fte: '1' },
      ],
      fineTuningOneTime: '25000',
      fineTuningPerMonth: '300',
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

/**
 * Staff tiers: three tiers, strategies landing in different ones; a monthly GPU contract; a
 * deployment with no minimum and a zero-share route (no replicas: utilization 0); a currency
 * with no minor unit; names that a spreadsheet would run as formulas if they were not text.
 */
const STAFF_TIERS = {
  format: 'llm-tco-scenario',
  version: 1,
  name: "=cmd|' /C calc'!A0",
  currency: 'JPY',
  settings: {
    daysPerYear: 360,
    fteCostPerYear: '30000000',
    horizonMonths: 14,
    discountRatePerYear: '0.03',
  },
  workloads: [
    {
      id: 'a',
      name: '=HYPERLINK("http://evil.example","x")',
      tokensPerDay: '600000000',
      inputShare: '0.75',
      peakToAverage: '2',
      growthPerMonth: '0.02',
    },
    {
      id: 'b',
      name: '+SUM(1,2)',
      tokensPerDay: '250000000',
      inputShare: '0.5',
      batchShare: '0.4',
      peakToAverage: '1.5',
    },
  ],
  options: [
    {
      kind: 'api',
      id: 'api',
      name: '@api',
      inputPerM: '300',
      outputPerM: '1200',
      batchDiscount: '0.5',
      integrationFte: '0.2',
    },
    {
      kind: 'selfHost',
      id: 'tiered',
      name: '-tiered',
      gpu: { mode: 'monthly', name: 'H200', monthlyPerGpu: '450000' },
      gpusPerReplica: '4',
      prefillTokensPerSec: '20000',
      decodeTokensPerSec: '3000',
      targetUtilization: '0.65',
      minReplicas: '1',
      storagePerMonth: '40000',
      monitoringPerMonth: '25000',
      monitoringPerGpuMonth: '1500',
      engineeringFte: [
        { fromTokensPerDay: '0', fte: '0.5' },
        { fromTokensPerDay: '300000000', fte: '1.5' },
        { fromTokensPerDay: '700000000', fte: '3' },
      ],
    },
    {
      kind: 'selfHost',
      id: 'idle',
      name: 'Idle pool',
      gpu: { mode: 'hourly', name: 'L40S', hourlyPerGpu: '150' },
      prefillTokensPerSec: '5000',
      decodeTokensPerSec: '800',
      minReplicas: '0',
      storagePerMonth: '1000',
    },
  ],
  strategies: [
    {
      id: 'api',
      name: '=1+1',
      routes: [
        { workloadId: 'a', optionId: 'api', share: '1' },
        { workloadId: 'b', optionId: 'api', share: '1' },
      ],
    },
    {
      id: 'low',
      name: 'Tier 2',
      routes: [
        { workloadId: 'a', optionId: 'api', share: '0.5' },
        { workloadId: 'a', optionId: 'tiered', share: '0.5' },
        { workloadId: 'b', optionId: 'tiered', share: '1' },
      ],
    },
    {
      id: 'high',
      name: 'Tier 3',
      routes: [
        { workloadId: 'a', optionId: 'tiered', share: '1' },
        { workloadId: 'b', optionId: 'tiered', share: '0.6' },
        { workloadId: 'b', optionId: 'idle', share: '0' },
        { workloadId: 'b', optionId: 'api', share: '0.4' },
      ],
    },
  ],
};

const portfolio = findPreset('portfolio-2026');
if (!portfolio) throw new Error('no portfolio-2026 preset');

const CASES: [string, unknown][] = [
  ['the default scenario', DEFAULT_PRESET.scenario],
  ['the portfolio-2026 preset', portfolio.scenario],
  ['the DESIGN 3.6a worked example', WORKED_EXAMPLE],
  ['bought GPUs, growth and price changes', BOUGHT],
  ['staff tiers, a monthly contract and an idle pool', STAFF_TIERS],
];

type Built = { doc: ScenarioDoc; result: ScenarioResult; workbook: XlsxWorkbook };

function build(input: unknown): Built {
  const doc = docOf(input);
  const result = evaluateOk(doc);
  return { doc, result, workbook: buildXlsxWorkbook(doc, result, INFO) };
}

const dec = (v: Value): Dec => {
  if (!(v instanceof Dec)) throw new Error(`not a number: ${String(v)}`);
  return v;
};
const cents = (v: Dec | string) => new Dec(v).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);

function anchor(workbook: XlsxWorkbook, key: string): string {
  const at = workbook.anchors[key];
  if (!at) throw new Error(`no anchor ${key}`);
  return at;
}

function formulas(workbook: XlsxWorkbook): string[] {
  return workbook.sheets.flatMap((s) =>
    s.rows.flatMap((r) => r.flatMap((c) => (c?.kind === 'formula' ? [c.formula] : []))),
  );
}

const PARTS = [
  'api',
  'gpu',
  'storage',
  'monitoring',
  'engineering',
  'fineTuning',
  'total',
] as const;

/**
 * Every run-rate part and total, option total, capacity figure, saving, cumulative cost and NPV
 * the workbook computes with formulas, against the engine: within `tolerance` and to the cent.
 */
function expectMatchesEngine(built: Built, numbers: 'exact' | 'double') {
  const { doc, result, workbook } = built;
  const sheet = evaluateWorkbook(workbook, numbers);
  const value = (key: string) => dec(sheet.valueAt(anchor(workbook, key)));
  // Exact inputs give the engine's numbers to far below a cent, rounded to the same cents;
  // binary doubles to a millionth (rounding each to cents could split a tie of half a cent).
  const close = (key: string, expected: string) => {
    const got = value(key);
    const off = got.minus(expected).abs().toNumber();
    if (numbers === 'exact') {
      expect(off, key).toBeLessThan(1e-20);
      expect(cents(got), key).toBe(cents(expected));
    } else expect(off, key).toBeLessThan(1e-6);
  };
  let checked = 0;
  result.strategies.forEach((s, si) => {
    for (const part of PARTS) {
      close(`strategy.${si}.runRate.${part}`, s.runRate[part]);
      checked++;
    }
    if (s.costPerMTokens !== null) {
      const got = value(`strategy.${si}.costPerMTokens`);
      expect(got.minus(s.costPerMTokens).abs().toNumber()).toBeLessThan(1e-9);
    } else {
      expect(sheet.valueAt(anchor(workbook, `strategy.${si}.costPerMTokens`))).toBe('');
    }
    for (const o of s.byOption) {
      const oi = doc.options.findIndex((x) => x.id === o.optionId);
      close(`strategy.${si}.option.${oi}.total`, o.runRate);
      checked++;
    }
    for (const c of s.capacity) {
      const oi = doc.options.findIndex((x) => x.id === c.optionId);
      expect(value(`strategy.${si}.option.${oi}.replicas`).toNumber()).toBe(c.replicas);
      expect(value(`strategy.${si}.option.${oi}.gpus`).toNumber()).toBe(c.gpus);
      expect(
        value(`strategy.${si}.option.${oi}.utilization`).minus(c.utilization).abs().toNumber(),
      ).toBeLessThan(1e-12);
      checked += 3;
    }
    s.timeline.months.forEach((m, i) => {
      close(`strategy.${si}.timeline.${i}.cumulative`, m.cumulative);
      checked++;
    });
    close(`strategy.${si}.timeline.npv`, s.timeline.npv);
    if (s.vsBaseline) {
      close(`strategy.${si}.runRateSavings`, s.vsBaseline.runRateSavings);
      close(`strategy.${si}.npvSavings`, s.vsBaseline.npvSavings);
      const base = result.strategies[0];
      s.timeline.months.forEach((m, i) => {
        const b = base?.timeline.months[i];
        if (b)
          close(
            `strategy.${si}.timeline.${i}.savings`,
            new Dec(b.cumulative).minus(m.cumulative).toFixed(),
          );
      });
    }
  });
  expect(checked).toBeGreaterThan(0);
  return sheet;
}

describe('XLSX workbook: formulas against the engine', () => {
  it.each(CASES)('%s: every run-rate part, total and timeline figure, exact inputs', (_, input) => {
    const built = build(input);
    const sheet = expectMatchesEngine(built, 'exact');
    // Every formula of the workbook evaluates: each reference points at a cell that holds a value.
    expect(sheet.evaluateAll()).toBe(formulas(built.workbook).length);
  });

  it.each(CASES)(
    '%s: the same to the cent with inputs as binary doubles (a spreadsheet)',
    (_, input) => {
      expectMatchesEngine(build(input), 'double');
    },
  );

  it('the DESIGN 3.6a worked example: the published lines', () => {
    const built = build(WORKED_EXAMPLE);
    const sheet = evaluateWorkbook(built.workbook);
    const at = (key: string) => cents(dec(sheet.valueAt(anchor(built.workbook, key))));
    expect(at('strategy.0.runRate.api')).toBe('4220.31');
    expect(at('strategy.0.runRate.engineering')).toBe('1666.67');
    expect(at('strategy.0.runRate.total')).toBe('5886.98');
    expect(at('strategy.1.runRate.gpu')).toBe('1825.00');
    expect(at('strategy.1.runRate.storage')).toBe('300.00');
    expect(at('strategy.1.runRate.monitoring')).toBe('210.00');
    expect(at('strategy.1.runRate.engineering')).toBe('8333.33');
    expect(at('strategy.1.runRate.total')).toBe('10668.33');
    expect(at('strategy.1.option.1.replicas')).toBe('1.00');
  });

  it('the formulas follow the inputs: changed inputs give the engine result of the changed scenario', () => {
    const cases: { input: unknown; edits: [string, string][] }[] = [
      // Volume x 4 crosses replica steps; a dearer GPU and a higher engineer cost.
      {
        input: WORKED_EXAMPLE,
        edits: [
          ['workloads[0].tokensPerDay', '200000000'],
          ['options[1].gpu.hourlyPerGpu', '3.1'],
          ['settings.fteCostPerYear', '250000'],
        ],
      },
      // Staff tiers: strategy "Tier 2" moves from tier 2 to tier 3; a route share changes.
      {
        input: STAFF_TIERS,
        edits: [
          ['workloads[1].tokensPerDay', '500000000'],
          ['strategies[1].routes[0].share', '0.25'],
          ['strategies[1].routes[1].share', '0.75'],
          ['options[1].engineeringFte[1].fte', '2'],
        ],
      },
      // Bought GPUs: purchase price, residual value, power price and target utilization.
      {
        input: BOUGHT,
        edits: [
          ['options[1].gpu.purchasePerGpu', '25000'],
          ['options[1].gpu.residualShare', '0.1'],
          ['options[1].gpu.pricePerKwh', '0.2'],
          ['options[1].targetUtilization', '0.45'],
          ['settings.daysPerYear', '360'],
        ],
      },
    ];
    for (const { input, edits } of cases) {
      const built = build(input);
      const sheet = evaluateWorkbook(built.workbook);
      let changed = built.doc;
      for (const [path, value] of edits) {
        sheet.setNumber(inputAddress(built.workbook, path), value);
        changed = setPath(changed, path, value);
      }
      const expected = evaluateOk(changed);
      expected.strategies.forEach((s, si) => {
        for (const part of PARTS) {
          const got = dec(sheet.valueAt(anchor(built.workbook, `strategy.${si}.runRate.${part}`)));
          expect(got.minus(s.runRate[part]).abs().toNumber(), `${si} ${part}`).toBeLessThan(1e-20);
        }
      });
      // The change mattered: the totals moved.
      expect(expected.strategies.map((s) => s.runRate.total)).not.toEqual(
        built.result.strategies.map((s) => s.runRate.total),
      );
    }
  });
});

/** `Inputs!$C$12` of a field path, read from the Inputs sheet's "Field" column. */
function inputAddress(workbook: XlsxWorkbook, path: string): string {
  const inputs = workbook.sheets.find((s) => s.name === XLSX_SHEETS.inputs);
  const row = inputs?.rows.findIndex((r) => cellText(r[4] ?? null) === path) ?? -1;
  if (row < 0) throw new Error(`no input ${path}`);
  return `Inputs!C${row + 1}`;
}

function setPath(doc: ScenarioDoc, path: string, value: string): ScenarioDoc {
  const copy = structuredClone(doc) as unknown as Record<string, unknown>;
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let at: Record<string, unknown> = copy;
  keys.slice(0, -1).forEach((k) => {
    at = at[k] as Record<string, unknown>;
  });
  at[keys[keys.length - 1] ?? ''] = value;
  return copy as unknown as ScenarioDoc;
}

function cellText(cell: XlsxCell | null): string | null {
  return cell?.kind === 'text' ? cell.text : null;
}

/** Every numeric input of a document with its path, as the Inputs sheet should list it. */
function numericInputs(doc: ScenarioDoc): [string, string][] {
  const out: [string, string][] = [];
  const skip = new Set(['id', 'name', 'kind', 'mode', 'workloadId', 'optionId']);
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (!skip.has(k)) walk(v, path ? `${path}.${k}` : k);
      }
    } else if (typeof value === 'string') out.push([path, value]);
  };
  walk(
    {
      settings: doc.settings,
      workloads: doc.workloads,
      options: doc.options,
      strategies: doc.strategies,
    },
    '',
  );
  return out;
}

describe('XLSX workbook: layout', () => {
  it.each(CASES)(
    '%s: every input is on the Inputs sheet, as a number with its exact value',
    (_, input) => {
      const { doc, workbook } = build(input);
      const inputs = workbook.sheets.find((s) => s.name === XLSX_SHEETS.inputs);
      if (!inputs) throw new Error('no Inputs sheet');
      const listed = numericInputs(doc);
      expect(listed.length).toBeGreaterThan(5);
      for (const [path, value] of listed) {
        const row = inputs.rows.find((r) => cellText(r[4] ?? null) === path);
        expect(row, path).toBeDefined();
        const cell = row?.[2];
        expect(cell?.kind, path).toBe('number');
        if (cell?.kind === 'number') expect(new Dec(cell.value).equals(value), path).toBe(true);
      }
    },
  );

  it('keeps the exact text of an input a spreadsheet number cannot hold', () => {
    const input = structuredClone(WORKED_EXAMPLE) as Record<string, unknown> & {
      workloads: Record<string, unknown>[];
    };
    input.workloads[0] = { ...input.workloads[0], tokensPerDay: '66666666.666666666666666667' };
    const { workbook } = build(input);
    const inputs = workbook.sheets.find((s) => s.name === XLSX_SHEETS.inputs);
    const row = inputs?.rows.find((r) => cellText(r[4] ?? null) === 'workloads[0].tokensPerDay');
    expect(cellText(row?.[5] ?? null)).toBe('66666666.666666666666666667');
    const plain = inputs?.rows.find((r) => cellText(r[4] ?? null) === 'workloads[0].inputShare');
    expect(plain?.[5] ?? null).toBeNull();
  });

  it('has the four sheets, the About facts and the currency formats', () => {
    const { workbook } = build(DEFAULT_PRESET.scenario);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['About', 'Inputs', 'Run-rate', 'Timeline']);
    const about = workbook.sheets[0];
    const texts = about?.rows.flatMap((r) => r.map((c) => cellText(c ?? null))) ?? [];
    expect(texts).toContain('2026-11-20');
    expect(texts).toContain('https://calc.example/#s1.abc');
    expect(texts).toContain('USD');
    expect(texts.join(' ')).toMatch(/break-even volume.*searches the app does/);
    const timeline = workbook.sheets[3];
    expect(cellText(timeline?.rows[1]?.[0] ?? null)).toMatch(
      /^Values from the app.*Formulas: cumulative cost/,
    );
    expect(workbook.numberFormats.money).toBe('#,##0.00');
    expect(xlsxNumberFormats('JPY').money).toBe('#,##0');
    expect(xlsxNumberFormats('KWD').money).toBe('#,##0.000');
    expect(xlsxNumberFormats('USD').unitPrice).toBe('#,##0.000000');
  });

  it('names stay text: no formula holds a name, every formula is in the subset', () => {
    const { doc, workbook } = build(STAFF_TIERS);
    const all = formulas(workbook);
    expect(all.length).toBeGreaterThan(100);
    const names = [
      doc.name,
      ...doc.workloads.map((w) => w.name),
      ...doc.options.map((o) => o.name),
      ...doc.strategies.map((s) => s.name),
    ];
    for (const f of all) {
      expect(() => assertSafeFormula(f)).not.toThrow();
      for (const fn of f.match(/[A-Z]+(?=\()/g) ?? []) expect(FUNCTIONS.has(fn)).toBe(true);
      for (const name of names) expect(f).not.toContain(name.replace(/^[=+\-@]/, ''));
    }
    const cells = workbook.sheets.flatMap((s) => s.rows.flat());
    for (const name of names) {
      expect(cells.some((c) => c?.kind === 'text' && c.text.includes(name))).toBe(true);
    }
    expect(() => assertSafeFormula('HYPERLINK("x")')).toThrow();
    expect(() => assertSafeFormula('=SUM(C1)')).toThrow();
    expect(() => assertSafeFormula("'Evil'!C1")).toThrow();
  });

  it('every formula references cells that exist, on the sheets of the workbook', () => {
    for (const [, input] of CASES) {
      const { workbook } = build(input);
      const refs = evaluateWorkbook(workbook).referencedCells();
      expect(refs.length).toBeGreaterThan(0);
      const names = new Set(workbook.sheets.map((s) => s.name));
      for (const r of refs) expect(names.has(r.sheet as never)).toBe(true);
    }
  });

  it('names the file after the scenario', () => {
    expect(xlsxFileName(docOf(WORKED_EXAMPLE))).toBe('design-3-6a-worked-example.xlsx');
    expect(xlsxFileName(docOf({ ...WORKED_EXAMPLE, name: '???' }))).toBe('scenario.xlsx');
  });
});
