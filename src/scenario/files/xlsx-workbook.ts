import { Dec } from '../../core/decimal';
import type { BreakEvenResult, ScenarioResult } from '../../core/result';
import type { Catalog } from '../catalog';
import type { ApiOptionDoc, ScenarioDoc, SelfHostOptionDoc } from '../document';
import { getAt } from '../doc-path';
import type { DocPath } from '../doc-path';
import { fieldSource } from '../provenance';
import type { CatalogRef, PresetInfo } from '../preset-info';
import { formatPath } from '../validation-error';
import { UNIT_PRICE_EXTRA_DIGITS, minorUnitDigits } from './csv-export';
import { fileNameStem } from './file-name';

/**
 * The spreadsheet export (README "Files and exports", docs/exports.md): an evaluated scenario as
 * a workbook a reviewer can audit, as plain data (sheets, rows, cells). The XLSX writer
 * (src/platform/export/xlsx-file.ts) turns it into a file; nothing here touches the DOM.
 *
 * - **Inputs**: every input in column C as a number, one row each, at a fixed address.
 * - **Run-rate**: every monthly cost line of DESIGN 3.2-3.4 as a formula over the Inputs cells
 *   (volumes, prices, replicas, GPUs, staff tiers, totals), with the app's own result beside it.
 * - **Timeline**: the app's monthly capex and opex (values), and cumulative cost, discount
 *   factors, present values and NPV as formulas over them.
 * - **About**: the scenario, the date, the link back, the currency, the results, and what the
 *   formulas reproduce and what they do not.
 *
 * Formulas are built only from cell addresses, numbers and function names, never from names a
 * user typed (`assertSafeFormula`); names go into text cells, which a spreadsheet never runs.
 *
 * @example
 * const r = evaluateScenario(doc);
 * if (r.ok) {
 *   const workbook = buildXlsxWorkbook(doc, r.result, { exportedOn: '2026-11-20', link: null });
 *   const blob = await writeXlsxWorkbook(workbook); // platform/export/xlsx-file.ts
 * }
 */

/** How a number shows in the spreadsheet (the value is the same whatever the format). */
export type XlsxFormat =
  'general' | 'money' | 'unitPrice' | 'count' | 'tokens' | 'load' | 'percent' | 'factor';

/**
 * A cell. `number.value` is an exact plain decimal string (the writer converts it to the nearest
 * binary number a spreadsheet holds); `formula.formula` is written without the leading `=`.
 */
export type XlsxCell =
  | { kind: 'text'; text: string; bold?: boolean; wrap?: boolean }
  | { kind: 'number'; value: string; format: XlsxFormat }
  | { kind: 'formula'; formula: string; format: XlsxFormat; bold?: boolean };

export type XlsxRow = readonly (XlsxCell | null)[];

export const XLSX_SHEETS = {
  about: 'About',
  inputs: 'Inputs',
  runRate: 'Run-rate',
  timeline: 'Timeline',
} as const;

export type XlsxSheetName = (typeof XLSX_SHEETS)[keyof typeof XLSX_SHEETS];

export type XlsxSheet = {
  name: XlsxSheetName;
  /** Column widths, in characters. */
  columnWidths: readonly number[];
  /** Rows kept in view while scrolling (the header). */
  frozenRows: number;
  rows: readonly XlsxRow[];
};

export type XlsxWorkbook = {
  sheets: readonly XlsxSheet[];
  /** The number format of each kind, e.g. money `#,##0.00` for USD, `#,##0` for JPY. */
  numberFormats: Readonly<Record<XlsxFormat, string | null>>;
  /**
   * Where the formulas of the main results are, e.g. `strategy.1.runRate.total` ->
   * `'Run-rate'!C58`: for tests and tools that check the workbook against the app. Keys use
   * positions (strategy, option, month index), never names.
   */
  anchors: Readonly<Record<string, string>>;
};

/** Where an input's value comes from (provenance.ts), as far as the app knows. */
export type XlsxSource = { source: string; asOf: string | null };

export type XlsxExportInfo = {
  /** The export date, as the user's calendar shows it (ISO `2026-11-20`). */
  exportedOn: string;
  /** The share link back to the scenario, or null where there is none. */
  link: string | null;
  /** The source of a field, by its path in the document (provenance.ts), if known. */
  sourceOf?: (path: DocPath) => XlsxSource | null;
};

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A spreadsheet cell holds at most 32,767 characters (Excel's limit). */
export const MAX_CELL_TEXT = 32_767;

/**
 * Spreadsheets keep about 15 significant digits (Excel shows and saves 15). An input with more is
 * written as the nearest number and its exact text goes in the "Exact value" column.
 */
export const SPREADSHEET_DIGITS = 15;

/**
 * The Source and As-of columns from the app's provenance (provenance.ts): the catalog entry or the
 * preset's assumption a field's value came from. A value the user has changed since is marked
 * so, with the value the source gave.
 */
export function provenanceSources(
  doc: ScenarioDoc,
  origin: {
    preset: PresetInfo | undefined;
    loaded: ScenarioDoc;
    catalogRefs: Readonly<Record<string, CatalogRef>>;
  },
  catalog: Catalog | null,
): (path: DocPath) => XlsxSource | null {
  return (path) => {
    const option =
      path[0] === 'options' && typeof path[1] === 'number' ? doc.options[path[1]] : undefined;
    const source = fieldSource(origin, option, path, catalog);
    const value = getAt(doc, path);
    const changed =
      source.defaultValue !== null &&
      typeof value === 'string' &&
      !sameDecimal(source.defaultValue, value);
    const text = source.note ? `${source.source}. ${source.note}` : source.source;
    return {
      source: changed ? `Changed here (${source.defaultValue} from: ${text})` : text,
      asOf: source.asOf,
    };
  };
}

function sameDecimal(a: string, b: string): boolean {
  try {
    return new Dec(a).equals(new Dec(b));
  } catch {
    return a === b;
  }
}

/** A file name for the workbook: `support-assistant.xlsx`. */
export function xlsxFileName(doc: ScenarioDoc): string {
  return `${fileNameStem(doc.name, 'scenario')}.xlsx`;
}

/** The number formats for a currency: money to its minor unit, unit prices to 4 more digits. */
export function xlsxNumberFormats(currency: string): Record<XlsxFormat, string | null> {
  const digits = minorUnitDigits(currency);
  const decimals = (n: number) => (n > 0 ? `#,##0.${'0'.repeat(n)}` : '#,##0');
  return {
    general: null,
    money: decimals(digits),
    unitPrice: decimals(digits + UNIT_PRICE_EXTRA_DIGITS),
    count: '#,##0',
    tokens: '#,##0',
    load: '0.000000',
    percent: '0.00%',
    factor: '0.000000000',
  };
}

// ---------------------------------------------------------------------------------------------
// Cells and addresses

const text = (value: string, bold = false): XlsxCell => ({
  kind: 'text',
  text: value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value,
  ...(bold ? { bold } : {}),
});
const wrapped = (value: string): XlsxCell => ({ kind: 'text', text: value, wrap: true });
const num = (value: string, format: XlsxFormat = 'general'): XlsxCell => ({
  kind: 'number',
  value: plainDecimal(value),
  format,
});
const formula = (f: string, format: XlsxFormat, bold = false): XlsxCell => ({
  kind: 'formula',
  formula: assertSafeFormula(f),
  format,
  ...(bold ? { bold } : {}),
});

/** A sheet name as a formula writes it: quoted when it is not a plain word (`'Run-rate'`). */
function sheetPrefix(name: XlsxSheetName): string {
  return /^[A-Za-z]+$/.test(name) ? name : `'${name}'`;
}

const SHEET_PREFIXES = new Set(Object.values(XLSX_SHEETS).map((name) => sheetPrefix(name)));

/**
 * Every formula is built here from addresses, decimal constants, operators and a few function
 * names; this refuses anything else (a programmer mistake: user text must never reach a formula).
 */
export function assertSafeFormula(f: string): string {
  const withoutSheets = f.replace(/('[A-Za-z-]+'|[A-Za-z]+)!/g, (m) => {
    if (!SHEET_PREFIXES.has(m.slice(0, -1))) throw new Error(`unknown sheet in formula: ${f}`);
    return '';
  });
  if (!/^[A-Z0-9$:,.+\-*/^()<>=" ]*$/.test(withoutSheets) || f.startsWith('=')) {
    throw new Error(`not a formula this workbook writes: ${f}`);
  }
  for (const name of withoutSheets.match(/[A-Z]+(?=\()/g) ?? []) {
    if (!FUNCTIONS.has(name)) throw new Error(`function ${name} is not in the workbook's subset`);
  }
  return f;
}

/** The functions the workbook uses (docs/exports.md lists them). */
export const FUNCTIONS: ReadonlySet<string> = new Set([
  'SUM',
  'MAX',
  'CEILING',
  'IF',
  'INDEX',
  'MATCH',
]);

function plainDecimal(value: string): string {
  const text = new Dec(value).toFixed();
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** Rows of one sheet; `add` returns the 1-based row number of the row it added. */
class SheetRows {
  readonly rows: XlsxRow[] = [];
  add(...cells: (XlsxCell | null)[]): number {
    this.rows.push(cells);
    return this.rows.length;
  }
  blank(): void {
    this.rows.push([]);
  }
}

/** A whole-number sum, split so no SUM has more than 200 arguments (Excel's limit is 255). */
function sumOf(refs: readonly string[]): string {
  if (refs.length === 0) return '0';
  if (refs.length <= 200) return `SUM(${refs.join(',')})`;
  const parts: string[] = [];
  for (let i = 0; i < refs.length; i += 200) parts.push(sumOf(refs.slice(i, i + 200)));
  return sumOf(parts);
}

/** Values that carry more digits than a spreadsheet number keeps. */
function exactNote(value: string): string | null {
  const d = new Dec(value);
  if (d.isZero()) return null;
  const roundTrips = new Dec(String(Number(value))).equals(d);
  return d.precision(true) > SPREADSHEET_DIGITS || !roundTrips ? plainDecimal(value) : null;
}

const quoted = (name: string) => `“${name}”`;

// ---------------------------------------------------------------------------------------------
// Inputs

type InputsSheet = {
  sheet: XlsxSheet;
  /** `Inputs!$C$12` for a field path such as `workloads[0].tokensPerDay`. */
  ref: (path: DocPath) => string;
  /** The staff tiers of option `o`: the range of `fromTokensPerDay` and the range of `fte`. */
  tiers: (o: number) => { from: string; fte: string };
};

const INPUTS_VALUE_COLUMN = 'C';

function buildInputs(doc: ScenarioDoc, info: XlsxExportInfo): InputsSheet {
  const s = new SheetRows();
  const c = doc.currency;
  const refs = new Map<string, string>();
  const tierRanges = new Map<number, { from: string; fte: string }>();
  const prefix = sheetPrefix(XLSX_SHEETS.inputs);

  s.add(text(`Inputs of ${quoted(doc.name)}`, true));
  s.add(
    text(
      `Column C holds every input as a number at a fixed address; the Run-rate and Timeline formulas ` +
        `reference these cells, so a change here flows through. Money in ${c}; shares and rates are fractions (0.8 = 80%).`,
    ),
  );
  s.blank();
  const header = s.add(
    ...[
      'Group',
      'Input',
      'Value',
      'Unit',
      'Field in the scenario file',
      'Exact value (where the number cell rounds it)',
      'Source',
      'As of',
    ].map((h) => text(h, true)),
  );

  const input = (
    group: string,
    label: string,
    path: DocPath,
    value: string,
    unit: string,
  ): number => {
    const key = formatPath(path);
    const source = info.sourceOf?.(path) ?? null;
    const row = s.add(
      text(group),
      text(label),
      num(value),
      text(unit),
      text(key),
      optionalText(exactNote(value)),
      optionalText(source?.source ?? null),
      optionalText(source?.asOf ?? null),
    );
    refs.set(key, `${prefix}!$${INPUTS_VALUE_COLUMN}$${row}`);
    return row;
  };
  const label = (group: string, name: string, value: string) =>
    s.add(text(group), text(name), text(value));

  const settings = 'Settings';
  const st = doc.settings;
  input(settings, 'Days per year (calendar)', ['settings', 'daysPerYear'], st.daysPerYear, 'days');
  input(
    settings,
    'Loaded cost of one engineer per year',
    ['settings', 'fteCostPerYear'],
    st.fteCostPerYear,
    `${c} per FTE-year`,
  );
  input(settings, 'Horizon', ['settings', 'horizonMonths'], st.horizonMonths, 'months');
  input(
    settings,
    'Discount rate per year',
    ['settings', 'discountRatePerYear'],
    st.discountRatePerYear,
    'fraction per year',
  );

  doc.workloads.forEach((w, i) => {
    const group = `Workload ${quoted(w.name)} (${w.id})`;
    const at = (field: keyof typeof w) => ['workloads', i, field] as const;
    input(
      group,
      'Tokens per day (input + output)',
      at('tokensPerDay'),
      w.tokensPerDay,
      'tokens/day',
    );
    input(group, 'Input share', at('inputShare'), w.inputShare, 'fraction of tokens');
    input(
      group,
      'Cached input share',
      at('cachedInputShare'),
      w.cachedInputShare,
      'fraction of input tokens',
    );
    input(group, 'Batch-tolerant share', at('batchShare'), w.batchShare, 'fraction of tokens');
    input(group, 'Peak to average', at('peakToAverage'), w.peakToAverage, 'ratio');
    input(
      group,
      'Growth per month',
      at('growthPerMonth'),
      w.growthPerMonth,
      'fraction per month (compound)',
    );
  });

  doc.options.forEach((o, i) => {
    if (o.kind === 'api') {
      const group = `API option ${quoted(o.name)} (${o.id})`;
      const at = (field: keyof ApiOptionDoc) => ['options', i, field] as const;
      const perM = `${c} per 1M tokens`;
      input(group, 'Input price', at('inputPerM'), o.inputPerM, perM);
      input(group, 'Cached input price', at('cachedInputPerM'), o.cachedInputPerM, perM);
      input(group, 'Output price', at('outputPerM'), o.outputPerM, perM);
      input(
        group,
        'Batch discount',
        at('batchDiscount'),
        o.batchDiscount,
        'fraction off for batch traffic',
      );
      input(
        group,
        'Price change per year',
        at('priceChangePerYear'),
        o.priceChangePerYear,
        'fraction, steps once a year',
      );
      input(group, 'Integration staff', at('integrationFte'), o.integrationFte, 'FTE');
      input(group, 'Fine-tuning, one time', at('fineTuningOneTime'), o.fineTuningOneTime, c);
      input(
        group,
        'Fine-tuning per month',
        at('fineTuningPerMonth'),
        o.fineTuningPerMonth,
        `${c} per month`,
      );
      return;
    }
    const group = `Self-hosted option ${quoted(o.name)} (${o.id})`;
    const at = (field: keyof SelfHostOptionDoc) => ['options', i, field] as const;
    const gpuAt = (field: string) => ['options', i, 'gpu', field] as const;
    const g = o.gpu;
    label(group, 'GPU', g.name);
    label(group, 'GPU pricing', GPU_MODE_LABELS[g.mode]);
    if (g.mode === 'hourly') {
      input(
        group,
        'GPU price per hour',
        gpuAt('hourlyPerGpu'),
        g.hourlyPerGpu,
        `${c} per GPU-hour`,
      );
    } else if (g.mode === 'monthly') {
      input(
        group,
        'GPU price per month',
        gpuAt('monthlyPerGpu'),
        g.monthlyPerGpu,
        `${c} per GPU-month`,
      );
    } else {
      input(
        group,
        'Purchase price per GPU',
        gpuAt('purchasePerGpu'),
        g.purchasePerGpu,
        `${c} per GPU`,
      );
      input(group, 'Amortization', gpuAt('amortizationMonths'), g.amortizationMonths, 'months');
      input(
        group,
        'Residual value',
        gpuAt('residualShare'),
        g.residualShare,
        'fraction of the purchase price',
      );
      input(
        group,
        'Power per GPU (server share included)',
        gpuAt('powerKwPerGpu'),
        g.powerKwPerGpu,
        'kW',
      );
      input(group, 'PUE', gpuAt('pue'), g.pue, 'ratio');
      input(group, 'Electricity price', gpuAt('pricePerKwh'), g.pricePerKwh, `${c} per kWh`);
      input(
        group,
        'Hosting per GPU',
        gpuAt('hostingPerGpuMonth'),
        g.hostingPerGpuMonth,
        `${c} per GPU-month`,
      );
    }
    input(group, 'GPUs per replica', at('gpusPerReplica'), o.gpusPerReplica, 'GPUs');
    input(
      group,
      'Prefill throughput per replica',
      at('prefillTokensPerSec'),
      o.prefillTokensPerSec,
      'input tokens/s',
    );
    input(
      group,
      'Decode throughput per replica',
      at('decodeTokensPerSec'),
      o.decodeTokensPerSec,
      'output tokens/s',
    );
    input(group, 'Target utilization', at('targetUtilization'), o.targetUtilization, 'fraction');
    input(group, 'Minimum replicas', at('minReplicas'), o.minReplicas, 'replicas');
    input(group, 'Storage per month', at('storagePerMonth'), o.storagePerMonth, `${c} per month`);
    input(
      group,
      'Storage per GPU',
      at('storagePerGpuMonth'),
      o.storagePerGpuMonth,
      `${c} per GPU-month`,
    );
    input(
      group,
      'Monitoring per month',
      at('monitoringPerMonth'),
      o.monitoringPerMonth,
      `${c} per month`,
    );
    input(
      group,
      'Monitoring per GPU',
      at('monitoringPerGpuMonth'),
      o.monitoringPerGpuMonth,
      `${c} per GPU-month`,
    );
    // Tiers as two contiguous ranges, so the staff lookup is one INDEX/MATCH.
    const fromRows = o.engineeringFte.map((t, k) =>
      input(
        group,
        `Staff tier ${k + 1}: from served tokens per day`,
        ['options', i, 'engineeringFte', k, 'fromTokensPerDay'],
        t.fromTokensPerDay,
        'tokens/day',
      ),
    );
    const fteRows = o.engineeringFte.map((t, k) =>
      input(
        group,
        `Staff tier ${k + 1}: engineers`,
        ['options', i, 'engineeringFte', k, 'fte'],
        t.fte,
        'FTE',
      ),
    );
    const range = (rows: number[]) =>
      `${prefix}!$C$${rows[0] ?? 0}:$C$${rows[rows.length - 1] ?? 0}`;
    tierRanges.set(i, { from: range(fromRows), fte: range(fteRows) });
    input(group, 'Fine-tuning, one time', at('fineTuningOneTime'), o.fineTuningOneTime, c);
    input(
      group,
      'Fine-tuning per month',
      at('fineTuningPerMonth'),
      o.fineTuningPerMonth,
      `${c} per month`,
    );
  });

  doc.strategies.forEach((st, i) => {
    const group = `Strategy ${quoted(st.name)} (${st.id})${i === 0 ? ', the baseline' : ''}`;
    st.routes.forEach((r, k) => {
      const workload = doc.workloads.find((w) => w.id === r.workloadId);
      const option = doc.options.find((o) => o.id === r.optionId);
      input(
        group,
        `Route ${k + 1}: share of ${quoted(workload?.name ?? r.workloadId)} on ${quoted(option?.name ?? r.optionId)}`,
        ['strategies', i, 'routes', k, 'share'],
        r.share,
        'fraction of the workload',
      );
    });
  });

  return {
    sheet: {
      name: XLSX_SHEETS.inputs,
      columnWidths: [34, 44, 16, 28, 36, 24, 60, 10],
      frozenRows: header,
      rows: s.rows,
    },
    ref: (path) => {
      const ref = refs.get(formatPath(path));
      if (!ref) throw new Error(`no input cell for ${formatPath(path)}`);
      return ref;
    },
    tiers: (o) => {
      const ranges = tierRanges.get(o);
      if (!ranges) throw new Error(`no staff tiers for option ${o}`);
      return ranges;
    },
  };
}

const GPU_MODE_LABELS = {
  hourly: 'hourly (rented, per GPU-hour)',
  monthly: 'monthly (committed, per GPU-month)',
  buy: 'bought (amortized, power and hosting)',
} as const;

function optionalText(value: string | null): XlsxCell | null {
  return value === null || value === '' ? null : text(value);
}

// ---------------------------------------------------------------------------------------------
// Run-rate

type RunRateSheet = {
  sheet: XlsxSheet;
  /** Per strategy, the address of its total (for the About sheet). */
  totals: string[];
  savings: (string | null)[];
  costPerM: string[];
};

type Parts = Record<
  'api' | 'gpu' | 'storage' | 'monitoring' | 'engineering' | 'fineTuning',
  string[]
>;

const PART_LINES: readonly [keyof Parts, string][] = [
  ['api', 'API usage'],
  ['gpu', 'GPUs'],
  ['storage', 'Storage'],
  ['monitoring', 'Monitoring'],
  ['engineering', 'Engineering (staff)'],
  ['fineTuning', 'Fine-tuning'],
];

function buildRunRate(
  doc: ScenarioDoc,
  result: ScenarioResult,
  inputs: InputsSheet,
  anchors: Record<string, string>,
): RunRateSheet {
  const s = new SheetRows();
  const c = doc.currency;
  const perMonth = `${c} per month`;
  const prefix = sheetPrefix(XLSX_SHEETS.runRate);
  const anchor = (key: string, row: number) => {
    anchors[key] = `${prefix}!C${row}`;
  };
  const ref = inputs.ref;
  const app = (value: string | null | undefined, format: XlsxFormat) =>
    value === null || value === undefined ? null : num(value, format);

  s.add(text(`Monthly run-rate at today's volume: ${quoted(doc.name)}`, true));
  s.add(
    text(
      `Column C: formulas over the Inputs sheet (DESIGN 3.2-3.4); change an input there and every line follows. ` +
        `Column E: the app's exact result, as a value, for comparison. Money in ${c}.`,
    ),
  );
  s.blank();
  const header = s.add(
    ...['Item', 'Line', 'Value (formula)', 'Unit', "App's value", 'How'].map((h) => text(h, true)),
  );

  const days = ref(['settings', 'daysPerYear']);
  const fteCost = ref(['settings', 'fteCostPerYear']);
  const calendar = 'Calendar';
  const daysPerMonthRow = s.add(
    text(calendar),
    text('Days per month'),
    formula(`${days}/12`, 'general'),
    text('days'),
    null,
    text('days per year / 12'),
  );
  const hoursPerMonthRow = s.add(
    text(calendar),
    text('Hours per month'),
    formula(`${days}*24/12`, 'general'),
    text('hours'),
    null,
    text('24 x days per year / 12'),
  );
  const daysPerMonth = `$C$${daysPerMonthRow}`;
  const hoursPerMonth = `$C$${hoursPerMonthRow}`;
  s.blank();

  const totals: string[] = [];
  const savings: (string | null)[] = [];
  const costPerM: string[] = [];
  let baselineTotal: string | null = null;

  result.strategies.forEach((strategy, si) => {
    const stDoc = doc.strategies[si];
    if (!stDoc) throw new Error(`strategy ${si} missing from the document`);
    const title = `Strategy ${quoted(stDoc.name)} (${stDoc.id})${si === 0 ? ', the baseline' : ''}`;
    s.add(text(title, true));
    const parts: Parts = {
      api: [],
      gpu: [],
      storage: [],
      monitoring: [],
      engineering: [],
      fineTuning: [],
    };
    const servedRefs: string[] = [];

    // Options in the scenario's order, each with its routes in the strategy's order (as the
    // engine groups them, run-rate.ts).
    doc.options.forEach((option, oi) => {
      const routes = stDoc.routes
        .map((route, k) => ({ route, k }))
        .filter(({ route }) => route.optionId === option.id);
      if (routes.length === 0) return;
      const item = `${option.kind === 'api' ? 'API' : 'Self-hosted'} ${quoted(option.name)}`;
      const routeTokens = (k: number, workloadIndex: number, label: string) =>
        s.add(
          text(item),
          text(`${label}: tokens per day`),
          formula(
            `${ref(['strategies', si, 'routes', k, 'share'])}*${ref(['workloads', workloadIndex, 'tokensPerDay'])}`,
            'tokens',
          ),
          text('tokens/day'),
          null,
          text('route share x workload tokens per day'),
        );
      const routeLabel = (k: number, workloadIndex: number) =>
        `Route ${k + 1} (${quoted(doc.workloads[workloadIndex]?.name ?? '')})`;
      let totalRow: number;

      if (option.kind === 'api') {
        const usageRefs: string[] = [];
        const tokenRefs: string[] = [];
        for (const { route, k } of routes) {
          const wi = doc.workloads.findIndex((w) => w.id === route.workloadId);
          const w = (field: string) => ref(['workloads', wi, field]);
          const o = (field: string) => ref(['options', oi, field]);
          const lbl = routeLabel(k, wi);
          const tokensRow = routeTokens(k, wi, lbl);
          tokenRefs.push(`C${tokensRow}`);
          const i = w('inputShare');
          const cached = w('cachedInputShare');
          const priceRow = s.add(
            text(item),
            text(`${lbl}: price per 1M tokens`),
            formula(
              `(${i}*(1-${cached})*${o('inputPerM')}+${i}*${cached}*${o('cachedInputPerM')}+(1-${i})*${o('outputPerM')})*(1-${w('batchShare')}*${o('batchDiscount')})`,
              'unitPrice',
            ),
            text(`${c} per 1M tokens`),
            null,
            text('(i(1-c) input + i c cached + (1-i) output) x (1 - batch share x batch discount)'),
          );
          const usageRow = s.add(
            text(item),
            text(`${lbl}: usage per month`),
            formula(`C${tokensRow}*${daysPerMonth}/1000000*C${priceRow}`, 'money'),
            text(perMonth),
            null,
            text('tokens per day x days per month / 1M x price per 1M'),
          );
          usageRefs.push(`C${usageRow}`);
        }
        const tokensRow = s.add(
          text(item),
          text('Tokens per day served'),
          formula(sumOf(tokenRefs), 'tokens'),
          text('tokens/day'),
        );
        servedRefs.push(`C${tokensRow}`);
        const usageRow = s.add(
          text(item),
          text('API usage'),
          formula(sumOf(usageRefs), 'money'),
          text(perMonth),
          null,
          text('sum of the routes'),
        );
        const staffRow = s.add(
          text(item),
          text('Integration staff'),
          formula(`${ref(['options', oi, 'integrationFte'])}*${fteCost}/12`, 'money'),
          text(perMonth),
          null,
          text('integration FTE x engineer cost per year / 12'),
        );
        const tuningRow = s.add(
          text(item),
          text('Fine-tuning'),
          formula(ref(['options', oi, 'fineTuningPerMonth']), 'money'),
          text(perMonth),
        );
        parts.api.push(`C${usageRow}`);
        parts.engineering.push(`C${staffRow}`);
        parts.fineTuning.push(`C${tuningRow}`);
        totalRow = s.add(
          text(item),
          text('Option total', true),
          formula(sumOf([`C${usageRow}`, `C${staffRow}`, `C${tuningRow}`]), 'money', true),
          text(perMonth),
          app(strategy.byOption.find((b) => b.optionId === option.id)?.runRate, 'money'),
        );
      } else {
        const o = (field: string) => ref(['options', oi, field]);
        const loadRefs: string[] = [];
        const peakRefs: string[] = [];
        const tokenRefs: string[] = [];
        for (const { route, k } of routes) {
          const wi = doc.workloads.findIndex((w) => w.id === route.workloadId);
          const w = (field: string) => ref(['workloads', wi, field]);
          const lbl = routeLabel(k, wi);
          const tokensRow = routeTokens(k, wi, lbl);
          tokenRefs.push(`C${tokensRow}`);
          const loadRow = s.add(
            text(item),
            text(`${lbl}: load x_r`),
            formula(
              `C${tokensRow}*(${w('inputShare')}/${o('prefillTokensPerSec')}+(1-${w('inputShare')})/${o('decodeTokensPerSec')})/86400`,
              'load',
            ),
            text('replicas busy on average'),
            null,
            text('tokens per day x (i / prefill + (1-i) / decode) / 86400 (DESIGN 3.3)'),
          );
          loadRefs.push(`C${loadRow}`);
          const peakRow = s.add(
            text(item),
            text(`${lbl}: peak load`),
            formula(`${w('peakToAverage')}*(1-${w('batchShare')})*C${loadRow}`, 'load'),
            text('replicas at peak'),
            null,
            text('peak to average x (1 - batch share) x x_r: batch traffic fills the valleys'),
          );
          peakRefs.push(`C${peakRow}`);
        }
        const servedRow = s.add(
          text(item),
          text('Tokens per day served'),
          formula(sumOf(tokenRefs), 'tokens'),
          text('tokens/day'),
        );
        servedRefs.push(`C${servedRow}`);
        const loadRow = s.add(
          text(item),
          text('Average load, sum of x_r'),
          formula(sumOf(loadRefs), 'load'),
          text('replicas'),
        );
        const peakRow = s.add(
          text(item),
          text('Peak load, sum of peaks'),
          formula(sumOf(peakRefs), 'load'),
          text('replicas'),
        );
        const neededRow = s.add(
          text(item),
          text('Needed'),
          formula(`MAX(C${peakRow},C${loadRow})`, 'load'),
          text('replicas'),
          null,
          text('max(sum of peaks, sum of x_r)'),
        );
        const capacity = strategy.capacity.find((x) => x.optionId === option.id);
        const replicasRow = s.add(
          text(item),
          text('Replicas'),
          formula(
            `MAX(${o('minReplicas')},CEILING(C${neededRow}/${o('targetUtilization')},1))`,
            'count',
          ),
          text('replicas'),
          capacity ? num(String(capacity.replicas), 'count') : null,
          text('max(minimum replicas, ceiling(needed / target utilization))'),
        );
        anchor(`strategy.${si}.option.${oi}.replicas`, replicasRow);
        const gpusRow = s.add(
          text(item),
          text('GPUs'),
          formula(`C${replicasRow}*${o('gpusPerReplica')}`, 'count'),
          text('GPUs'),
          capacity ? num(String(capacity.gpus), 'count') : null,
          text('replicas x GPUs per replica'),
        );
        anchor(`strategy.${si}.option.${oi}.gpus`, gpusRow);
        const utilizationRow = s.add(
          text(item),
          text('Utilization'),
          formula(`IF(C${replicasRow}=0,0,C${loadRow}/C${replicasRow})`, 'percent'),
          text('average load per replica'),
          capacity ? num(capacity.utilization, 'percent') : null,
          text('sum of x_r / replicas'),
        );
        anchor(`strategy.${si}.option.${oi}.utilization`, utilizationRow);
        const perGpuRow = s.add(
          text(item),
          text('Cost per GPU-month'),
          formula(perGpuFormula(option, oi, ref, hoursPerMonth), 'money'),
          text(`${c} per GPU-month`),
          null,
          text(PER_GPU_WORDS[option.gpu.mode]),
        );
        const gpuRow = s.add(
          text(item),
          text('GPU cost'),
          formula(`C${gpusRow}*C${perGpuRow}`, 'money'),
          text(perMonth),
          null,
          text('GPUs x cost per GPU-month'),
        );
        const storageRow = s.add(
          text(item),
          text('Storage'),
          formula(`${o('storagePerMonth')}+${o('storagePerGpuMonth')}*C${gpusRow}`, 'money'),
          text(perMonth),
          null,
          text('storage per month + storage per GPU x GPUs'),
        );
        const monitoringRow = s.add(
          text(item),
          text('Monitoring'),
          formula(`${o('monitoringPerMonth')}+${o('monitoringPerGpuMonth')}*C${gpusRow}`, 'money'),
          text(perMonth),
          null,
          text('monitoring per month + monitoring per GPU x GPUs'),
        );
        const tiers = inputs.tiers(oi);
        const fteRow = s.add(
          text(item),
          text('Staff tier: engineers'),
          formula(`INDEX(${tiers.fte},MATCH(C${servedRow},${tiers.from},1))`, 'general'),
          text('FTE'),
          null,
          text('the last tier whose "from" is at most the tokens per day served'),
        );
        const staffRow = s.add(
          text(item),
          text('Engineering'),
          formula(`C${fteRow}*${fteCost}/12`, 'money'),
          text(perMonth),
          null,
          text('engineers x engineer cost per year / 12'),
        );
        const tuningRow = s.add(
          text(item),
          text('Fine-tuning'),
          formula(o('fineTuningPerMonth'), 'money'),
          text(perMonth),
        );
        parts.gpu.push(`C${gpuRow}`);
        parts.storage.push(`C${storageRow}`);
        parts.monitoring.push(`C${monitoringRow}`);
        parts.engineering.push(`C${staffRow}`);
        parts.fineTuning.push(`C${tuningRow}`);
        totalRow = s.add(
          text(item),
          text('Option total', true),
          formula(
            sumOf([
              `C${gpuRow}`,
              `C${storageRow}`,
              `C${monitoringRow}`,
              `C${staffRow}`,
              `C${tuningRow}`,
            ]),
            'money',
            true,
          ),
          text(perMonth),
          app(strategy.byOption.find((b) => b.optionId === option.id)?.runRate, 'money'),
        );
      }
      anchor(`strategy.${si}.option.${oi}.total`, totalRow);
    });

    const item = 'Strategy total';
    const partRows = PART_LINES.map(([key, name]) => {
      const row = s.add(
        text(item),
        text(name),
        formula(sumOf(parts[key]), 'money'),
        text(perMonth),
        app(strategy.runRate[key], 'money'),
        text('sum over the options'),
      );
      anchor(`strategy.${si}.runRate.${key}`, row);
      return row;
    });
    const totalRow = s.add(
      text(item),
      text('Total run-rate', true),
      formula(`SUM(C${partRows[0] ?? 0}:C${partRows[partRows.length - 1] ?? 0})`, 'money', true),
      text(perMonth),
      app(strategy.runRate.total, 'money'),
      text('sum of the parts'),
    );
    anchor(`strategy.${si}.runRate.total`, totalRow);
    totals.push(`${prefix}!$C$${totalRow}`);
    const tokensRow = s.add(
      text(item),
      text('Tokens per day'),
      formula(sumOf(servedRefs), 'tokens'),
      text('tokens/day'),
    );
    const perMRow = s.add(
      text(item),
      text('Cost per 1M tokens'),
      formula(
        `IF(C${tokensRow}=0,"",C${totalRow}/(C${tokensRow}*${daysPerMonth})*1000000)`,
        'unitPrice',
      ),
      text(`${c} per 1M tokens`),
      app(strategy.costPerMTokens, 'unitPrice'),
      text('total / tokens per month x 1M (empty with no tokens)'),
    );
    anchor(`strategy.${si}.costPerMTokens`, perMRow);
    costPerM.push(`${prefix}!$C$${perMRow}`);
    if (baselineTotal === null) {
      baselineTotal = `C${totalRow}`;
      savings.push(null);
    } else {
      const row = s.add(
        text(item),
        text('Savings against the baseline'),
        formula(`${baselineTotal}-C${totalRow}`, 'money'),
        text(perMonth),
        app(strategy.vsBaseline?.runRateSavings, 'money'),
        text('baseline total - this total (positive: this strategy is cheaper)'),
      );
      anchor(`strategy.${si}.runRateSavings`, row);
      savings.push(`${prefix}!$C$${row}`);
    }
    s.blank();
  });

  return {
    sheet: {
      name: XLSX_SHEETS.runRate,
      columnWidths: [34, 44, 18, 24, 18, 70],
      frozenRows: header,
      rows: s.rows,
    },
    totals,
    savings,
    costPerM,
  };
}

const PER_GPU_WORDS = {
  hourly: 'price per GPU-hour x hours per month',
  monthly: 'price per GPU-month',
  buy: 'purchase x (1 - residual) / amortization months + kW x PUE x hours per month x price per kWh + hosting',
} as const;

function perGpuFormula(
  option: SelfHostOptionDoc,
  oi: number,
  ref: (path: DocPath) => string,
  hoursPerMonth: string,
): string {
  const g = (field: string) => ref(['options', oi, 'gpu', field]);
  switch (option.gpu.mode) {
    case 'hourly':
      return `${g('hourlyPerGpu')}*${hoursPerMonth}`;
    case 'monthly':
      return g('monthlyPerGpu');
    case 'buy':
      return (
        `${g('purchasePerGpu')}*(1-${g('residualShare')})/${g('amortizationMonths')}` +
        `+${g('powerKwPerGpu')}*${g('pue')}*${hoursPerMonth}*${g('pricePerKwh')}+${g('hostingPerGpuMonth')}`
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Timeline

type TimelineSheet = { sheet: XlsxSheet; npv: string[]; npvSavings: (string | null)[] };

function buildTimeline(
  doc: ScenarioDoc,
  result: ScenarioResult,
  inputs: InputsSheet,
  anchors: Record<string, string>,
): TimelineSheet {
  const s = new SheetRows();
  const c = doc.currency;
  const prefix = sheetPrefix(XLSX_SHEETS.timeline);
  const rate = inputs.ref(['settings', 'discountRatePerYear']);

  s.add(text(`Monthly cash flows per strategy: ${quoted(doc.name)}`, true));
  s.add(
    text(
      `Values from the app: month, capex, opex and the residual value (columns B-E; the app re-sizes every ` +
        `month for growth, price changes and bought GPUs). Formulas: cumulative cost, discount factors from the ` +
        `discount rate on the Inputs sheet, present values, NPV and savings (columns F-J and the NPV rows). Money in ${c}.`,
    ),
  );
  s.add(
    text(
      'Capex is paid at the start of month m (discounted over m-1 months), opex at its end (m months), the ' +
        'residual value of owned GPUs comes back at the end of the horizon (DESIGN 3.6).',
    ),
  );
  s.blank();
  const header = s.add(
    ...[
      'Strategy',
      'Month',
      `Capex (${c}, app)`,
      `Opex (${c}, app)`,
      `Residual value returned (${c}, app)`,
      `Cumulative cost (${c})`,
      'Discount factor, start of month',
      'Discount factor, end of month',
      `Present value (${c})`,
      `Cumulative savings against the baseline (${c})`,
    ].map((h) => text(h, true)),
  );

  const npv: string[] = [];
  const npvSavings: (string | null)[] = [];
  let baseline: { firstRow: number; npvRow: number } | null = null;

  result.strategies.forEach((strategy, si) => {
    const name = text(strategy.name);
    const months = strategy.timeline.months;
    const firstRow = s.rows.length + 1;
    months.forEach((m, i) => {
      const row = firstRow + i;
      const last = i === months.length - 1;
      const cumulative =
        i === 0 ? `C${row}+D${row}-E${row}` : `F${row - 1}+C${row}+D${row}-E${row}`;
      const baselineRow = baseline ? baseline.firstRow + i : null;
      s.add(
        name,
        num(String(m.month), 'count'),
        num(m.capex, 'money'),
        num(m.opex, 'money'),
        num(last ? strategy.timeline.residual : '0', 'money'),
        formula(cumulative, 'money'),
        formula(`1/(1+${rate})^((B${row}-1)/12)`, 'factor'),
        formula(`1/(1+${rate})^(B${row}/12)`, 'factor'),
        formula(`C${row}*G${row}+(D${row}-E${row})*H${row}`, 'money'),
        baselineRow !== null && months.length > 0
          ? formula(`F${baselineRow}-F${row}`, 'money')
          : null,
      );
      anchors[`strategy.${si}.timeline.${i}.cumulative`] = `${prefix}!F${row}`;
      if (baselineRow !== null) {
        anchors[`strategy.${si}.timeline.${i}.savings`] = `${prefix}!J${row}`;
      }
    });
    const lastRow = firstRow + months.length - 1;
    const npvRow = s.add(
      name,
      text('NPV of cost', true),
      months.length > 0
        ? formula(`SUM(I${firstRow}:I${lastRow})`, 'money', true)
        : num('0', 'money'),
      text('sum of the present values'),
    );
    anchors[`strategy.${si}.timeline.npv`] = `${prefix}!C${npvRow}`;
    npv.push(`${prefix}!$C$${npvRow}`);
    s.add(name, text("App's NPV of cost"), num(strategy.timeline.npv, 'money'));
    if (!baseline) {
      baseline = { firstRow, npvRow };
      npvSavings.push(null);
    } else {
      const row = s.add(
        name,
        text('NPV of savings against the baseline', true),
        formula(`C${baseline.npvRow}-C${npvRow}`, 'money', true),
        text('baseline NPV - this NPV'),
      );
      anchors[`strategy.${si}.npvSavings`] = `${prefix}!C${row}`;
      npvSavings.push(`${prefix}!$C$${row}`);
      s.add(
        name,
        text("App's payback month"),
        strategy.vsBaseline?.paybackMonth
          ? num(String(strategy.vsBaseline.paybackMonth), 'count')
          : text('none within the horizon'),
        text('the first month from which cumulative cost stays at or below the baseline’s'),
      );
    }
    s.blank();
  });

  return {
    sheet: {
      name: XLSX_SHEETS.timeline,
      columnWidths: [30, 8, 16, 16, 18, 18, 14, 14, 16, 20],
      frozenRows: header,
      rows: s.rows,
    },
    npv,
    npvSavings,
  };
}

// ---------------------------------------------------------------------------------------------
// About

function buildAbout(
  doc: ScenarioDoc,
  result: ScenarioResult,
  info: XlsxExportInfo,
  runRate: RunRateSheet,
  timeline: TimelineSheet,
): XlsxSheet {
  const s = new SheetRows();
  const c = doc.currency;
  const digits = minorUnitDigits(c);
  s.add(text('LLM TCO calculator: spreadsheet export', true));
  s.blank();
  s.add(text('Scenario', true), text(doc.name));
  s.add(text('Exported on', true), text(info.exportedOn));
  s.add(
    text('Open in the calculator', true),
    info.link === null
      ? text('(no link: save the scenario file from the calculator instead)')
      : info.link.length > MAX_CELL_TEXT
        ? text('(the link is longer than a spreadsheet cell holds: save the scenario file instead)')
        : text(info.link),
  );
  s.add(
    text('Currency', true),
    text(c),
    text(
      `Every amount is in ${c}; money cells show ${digits} decimal${digits === 1 ? '' : 's'}, unit prices ${digits + UNIT_PRICE_EXTRA_DIGITS}.`,
    ),
  );
  s.add(text('Baseline', true), text(doc.strategies[0]?.name ?? ''));
  s.blank();

  s.add(text('Results', true));
  s.add(
    ...[
      'Strategy',
      `Run-rate per month (${c}, formula)`,
      `Cost per 1M tokens (${c}, formula)`,
      `NPV of cost (${c}, formula)`,
      `Savings per month against the baseline (${c}, formula)`,
      `NPV of savings (${c}, formula)`,
      "Payback month (app's result)",
      "Break-even (app's result)",
      "Crossings (app's result)",
    ].map((h) => text(h, true)),
  );
  result.strategies.forEach((st, i) => {
    const vs = st.vsBaseline;
    const savings = runRate.savings[i];
    const npvSavings = timeline.npvSavings[i];
    s.add(
      text(st.name),
      formula(runRate.totals[i] ?? '0', 'money'),
      formula(runRate.costPerM[i] ?? '0', 'unitPrice'),
      formula(timeline.npv[i] ?? '0', 'money'),
      savings ? formula(savings, 'money') : text('baseline'),
      npvSavings ? formula(npvSavings, 'money') : null,
      vs ? (vs.paybackMonth ? num(String(vs.paybackMonth), 'count') : text('none')) : null,
      vs ? text(breakEvenText(vs.breakEven)) : null,
      vs ? num(String(vs.crossings.length), 'count') : null,
    );
  });
  s.blank();

  const notes: [string, string][] = [
    [
      'What the formulas reproduce',
      'The monthly run-rate at today’s volume, line by line (Run-rate sheet, DESIGN 3.2-3.4): tokens per route, ' +
        'blended API prices with cache and batch, API usage, integration staff, replica load x_r, peak, needed ' +
        'replicas = MAX(minimum, CEILING(needed / target utilization)), GPUs, the GPU cost of each pricing mode, ' +
        'storage, monitoring, the staff tier (INDEX/MATCH on the tiers), fine-tuning, and every total by SUM. ' +
        'On the Timeline sheet: cumulative cost, discount factors, present values, NPV and savings.',
    ],
    [
      'What they do not',
      'The month-by-month cash flows (capex, opex, residual value) are the app’s values: it re-sizes replicas ' +
        'and staff every month for growth, steps API prices once a year and buys GPUs when first needed. The ' +
        'break-even volume, the crossings and the payback month are searches the app does exactly; they are ' +
        'given as values. Sensitivity, goal seek and uncertainty are not in this file.',
    ],
    [
      'Precision',
      'The app computes with exact decimals (40 significant digits); a spreadsheet with binary numbers of about ' +
        '15 digits. Amounts agree to the cent. Exactly at a replica or staff step (a load that is a whole number ' +
        'of replicas, a volume equal to a tier’s start), binary rounding can fall on the other side of the step: ' +
        'compare with the app’s value in column E of the Run-rate sheet. Inputs with more than 15 significant ' +
        'digits keep their exact text on the Inputs sheet.',
    ],
    [
      'How to audit',
      'Change an input in column C of the Inputs sheet: every Run-rate formula and the totals here follow. ' +
        'Each Run-rate line says how it is computed (column F); the app’s own result stands beside it (column E). ' +
        'The spreadsheet computes the formulas when it opens the file.',
    ],
  ];
  for (const [title, body] of notes) s.add(text(title, true), wrapped(body));

  return {
    name: XLSX_SHEETS.about,
    columnWidths: [30, 90, 22, 22, 26, 22, 20, 60, 14],
    frozenRows: 0,
    rows: s.rows,
  };
}

function breakEvenText(b: BreakEvenResult): string {
  switch (b.kind) {
    case 'always':
      return 'always cheaper, at every volume';
    case 'never':
      return `never: ${b.reason}`;
    case 'at':
      return `from ${new Dec(b.tokensPerDay).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed()} tokens/day`;
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * The workbook of an evaluated scenario: About, Inputs, Run-rate and Timeline sheets. `result`
 * must be `doc`'s evaluation (the strategies in the same order).
 */
export function buildXlsxWorkbook(
  doc: ScenarioDoc,
  result: ScenarioResult,
  info: XlsxExportInfo,
): XlsxWorkbook {
  const anchors: Record<string, string> = {};
  const inputs = buildInputs(doc, info);
  const runRate = buildRunRate(doc, result, inputs, anchors);
  const timeline = buildTimeline(doc, result, inputs, anchors);
  const about = buildAbout(doc, result, info, runRate, timeline);
  return {
    sheets: [about, inputs.sheet, runRate.sheet, timeline.sheet],
    numberFormats: xlsxNumberFormats(doc.currency),
    anchors,
  };
}
