import { Dec, sumDec } from '../../core/decimal';
import type { ScenarioResult, StrategyResult } from '../../core/result';
import type { ScenarioDoc } from '../document';
import { fileNameStem } from './file-name';

/**
 * CSV exports of an evaluated scenario, for a spreadsheet: RFC 4180 (comma separated, CRLF line
 * endings, a header row, fields with a comma, double quote, CR or LF quoted with doubled quotes).
 *
 * Numbers open as numbers: plain decimals with a `.`, no thousands separators, no currency
 * symbols, never exponent notation. Money is rounded here, at the edge, to the currency's minor
 * unit, half away from zero (DESIGN section 2), and the currency code is in the column name
 * (`monthly_total_USD`). Counts, token volumes and utilization keep every digit the result has.
 *
 * @example
 * const r = evaluateScenario(doc);
 * if (r.ok) download(csvFileName(doc, 'run-rate'), runRateCsv(r.result, doc), CSV_MIME_TYPE);
 */

export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';
/**
 * Excel reads a CSV file as the system's legacy code page unless it starts with a UTF-8 byte
 * order mark, which garbles names such as "Café". The exports do not include it (other tools
 * would see it in the first header); prepend it to the downloaded file when Excel users matter.
 */
export const EXCEL_UTF8_BOM = '\uFEFF';

/**
 * Cost per 1M tokens is a unit price, not an amount: API prices are quoted to fractions of a
 * cent (0.075 per 1M), and a spreadsheet multiplies it by billions of tokens. It keeps this many
 * decimals beyond the currency's minor unit (6 for USD) instead of being cut to cents.
 */
export const UNIT_PRICE_EXTRA_DIGITS = 4;

/** A CSV cell: text (guarded against formula injection), a plain decimal number, or empty. */
export type CsvCell = { text: string } | { number: string } | null;

/** The two exports, for `csvFileName`. */
export type CsvTable = 'run-rate' | 'timeline';

/** A file name for an export: `support-assistant-run-rate.csv`. */
export function csvFileName(doc: ScenarioDoc, table: CsvTable): string {
  return `${fileNameStem(doc.name, 'scenario')}-${table}.csv`;
}

/**
 * The monthly run-rate (at today's volume) of every strategy, one table in a long layout that
 * filters and pivots well in a spreadsheet: per strategy one `strategy` row, then one `option`
 * row per option it uses and one `workload` row per workload (DESIGN 3.4's attribution).
 *
 * - `strategy` rows carry the cost components (api, gpu, storage, monitoring, engineering,
 *   fine_tuning) and their total, the cost per 1M tokens, and the monthly saving against the
 *   baseline (`strategies[0]`, which has none).
 * - `option` and `workload` rows carry their share of the total, their tokens per day and cost per
 *   1M tokens; the result splits only totals by option and workload, so their component columns
 *   are empty. `option` rows of self-hosted options carry the capacity (replicas, GPUs, average
 *   utilization as a fraction).
 *
 * Filter on `row_type` before summing a column: each strategy's option rows add up to its
 * `strategy` row, and so do its workload rows.
 */
export function runRateCsv(result: ScenarioResult, doc: ScenarioDoc): string {
  const money = moneyRounder(doc.currency);
  const unitPrice = unitPriceRounder(doc.currency);
  const c = doc.currency;
  const header = [
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
  const optionNames = new Map(doc.options.map((o) => [o.id, o.name]));
  const workloadNames = new Map(doc.workloads.map((w) => [w.id, w.name]));
  const rows: CsvCell[][] = [header.map(textCell)];
  for (const s of result.strategies) {
    const strategy = [textCell(s.id), textCell(s.name)];
    const noCapacity = [null, null, null];
    const r = s.runRate;
    rows.push([
      textCell('strategy'),
      ...strategy,
      null,
      null,
      plain(totalTokensPerDay(s)),
      money(r.total),
      money(r.api),
      money(r.gpu),
      money(r.storage),
      money(r.monitoring),
      money(r.engineering),
      money(r.fineTuning),
      optional(s.costPerMTokens, unitPrice),
      optional(s.vsBaseline?.runRateSavings ?? null, money),
      ...noCapacity,
    ]);
    const noParts = [null, null, null, null, null, null];
    for (const o of s.byOption) {
      const cap = s.capacity.find((x) => x.optionId === o.optionId);
      rows.push([
        textCell('option'),
        ...strategy,
        textCell(o.optionId),
        textCell(optionNames.get(o.optionId) ?? o.optionId),
        plain(o.tokensPerDay),
        money(o.runRate),
        ...noParts,
        optional(o.costPerMTokens, unitPrice),
        null,
        ...(cap ? [count(cap.replicas), count(cap.gpus), plain(cap.utilization)] : noCapacity),
      ]);
    }
    for (const w of s.byWorkload) {
      rows.push([
        textCell('workload'),
        ...strategy,
        textCell(w.workloadId),
        textCell(workloadNames.get(w.workloadId) ?? w.workloadId),
        plain(w.tokensPerDay),
        money(w.runRate),
        ...noParts,
        optional(w.costPerMTokens, unitPrice),
        null,
        ...noCapacity,
      ]);
    }
  }
  return toCsv(rows);
}

/**
 * The monthly cash flows of every strategy over the horizon (DESIGN 3.6), long layout: one row per
 * strategy and month 1..H with capex, opex, the residual value of owned GPUs returned at the end
 * (in month H; 0 before), the cumulative cost (undiscounted, net of the residual in month H, as
 * the result reports it) and, for every strategy but the baseline, the cumulative saving against
 * the baseline (baseline's cumulative cost minus this strategy's; positive means cheaper).
 *
 * Each month, cumulative = previous cumulative + capex + opex - residual_value holds exactly for
 * the unrounded values; each cell is rounded on its own (DESIGN section 2), so the rounded cells
 * can differ from that sum by a cent.
 */
export function timelineCsv(result: ScenarioResult, doc: ScenarioDoc): string {
  const money = moneyRounder(doc.currency);
  const c = doc.currency;
  const header = [
    'strategy_id',
    'strategy_name',
    'month',
    `capex_${c}`,
    `opex_${c}`,
    `residual_value_${c}`,
    `cumulative_cost_${c}`,
    `cumulative_savings_vs_baseline_${c}`,
  ];
  const rows: CsvCell[][] = [header.map(textCell)];
  const baseline = result.strategies[0];
  result.strategies.forEach((s, index) => {
    const months = s.timeline.months;
    months.forEach((m, i) => {
      const last = i === months.length - 1;
      const baselineMonth = index > 0 ? baseline?.timeline.months[i] : undefined;
      rows.push([
        textCell(s.id),
        textCell(s.name),
        count(m.month),
        money(m.capex),
        money(m.opex),
        money(last ? s.timeline.residual : '0'),
        money(m.cumulative),
        baselineMonth
          ? money(new Dec(baselineMonth.cumulative).minus(m.cumulative).toFixed())
          : null,
      ]);
    });
  });
  return toCsv(rows);
}

/**
 * Writes rows as RFC 4180 CSV: CRLF after every record (the last included), a field quoted when
 * it holds a comma, double quote, CR or LF, with its quotes doubled.
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula
 * (and some strip a leading tab or CR first), so a scenario name such as `=HYPERLINK(...)` could
 * run when a colleague opens the export. Text cells starting with one of those characters get a
 * leading `'` (OWASP's advice), which shows the text as typed. Number cells are never prefixed,
 * so negative numbers stay numbers; they are checked to be plain decimals instead.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  let out = '';
  for (const row of rows) {
    out += row.map(formatCell).join(',');
    out += '\r\n';
  }
  return out;
}

/** A text cell (a name, an id). */
export function textCell(value: string): CsvCell {
  return { text: value };
}

/** A number cell from a plain decimal string (`-12.5`); `toCsv` refuses anything else. */
export function numberCell(value: string): CsvCell {
  return { number: value };
}

/** `'` before text a spreadsheet would read as a formula (see `toCsv`). */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Digits after the decimal point of the currency's minor unit, as `Intl.NumberFormat` (ECMAScript,
 * not DOM) and so the app's display use: 2 for USD, 0 for JPY, 3 for KWD. 2 if unknown.
 */
export function minorUnitDigits(currency: string): number {
  let digits = MINOR_UNITS.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    MINOR_UNITS.set(currency, digits);
  }
  return digits;
}
const MINOR_UNITS = new Map<string, number>();

/**
 * A decimal string rounded to `digits` places, half away from zero (DESIGN section 2, the same
 * rule as `Intl.NumberFormat`), written plainly: `roundHalfAwayFromZero('-2.345', 2)` is `-2.35`.
 */
export function roundHalfAwayFromZero(amount: string, digits: number): string {
  // decimal.js's ROUND_HALF_UP rounds ties away from zero, for negative values too.
  return noNegativeZero(new Dec(amount).toDecimalPlaces(digits, Dec.ROUND_HALF_UP).toFixed(digits));
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function formatCell(cell: CsvCell): string {
  if (cell === null) return '';
  if ('number' in cell) {
    // A programmer mistake, not bad input: every number cell is built by the helpers below.
    if (!PLAIN_NUMBER.test(cell.number)) throw new Error(`not a plain number: ${cell.number}`);
    return cell.number;
  }
  const value = guardFormula(cell.text);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function moneyRounder(currency: string): (amount: string) => CsvCell {
  const digits = minorUnitDigits(currency);
  return (amount) => ({ number: roundHalfAwayFromZero(amount, digits) });
}

function unitPriceRounder(currency: string): (amount: string) => CsvCell {
  const digits = minorUnitDigits(currency) + UNIT_PRICE_EXTRA_DIGITS;
  return (amount) => ({ number: roundHalfAwayFromZero(amount, digits) });
}

function optional(value: string | null, cell: (value: string) => CsvCell): CsvCell {
  return value === null ? null : cell(value);
}

/** A decimal string as it is, but always plain (the result never uses exponents; be sure). */
function plain(value: string): CsvCell {
  return { number: noNegativeZero(new Dec(value).toFixed()) };
}

/** A count; empty if it is not finite (an overflowing count is not a number to write). */
function count(value: number): CsvCell {
  if (!Number.isFinite(value)) return null;
  return { number: Number.isSafeInteger(value) ? String(value) : new Dec(String(value)).toFixed() };
}

function noNegativeZero(text: string): string {
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** Every workload is routed in full by every strategy, so this is the scenario's volume. */
function totalTokensPerDay(s: StrategyResult): string {
  return sumDec(s.byWorkload.map((w) => new Dec(w.tokensPerDay))).toFixed();
}
