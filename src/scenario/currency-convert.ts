import { Dec, toPlain } from '../core/decimal';
import { MONEY_FIELDS } from '../core/input-fields';
import { parseInputRef } from '../core/input-refs';
import type { DocPath } from './doc-path';
import { getAt, setAt } from './doc-path';
import type { FxDoc, ScenarioDoc } from './document';
import { validateScenario } from './validate-scenario';
import type { ValidationError } from './validation-error';
import { formatPath } from './validation-error';

/**
 * Converting a scenario to another currency (issue 6 item 5): every amount of money is multiplied
 * by the rate, exactly, and nothing else changes (shares, throughput, tokens, staff counts, months,
 * power and PUE are not money). Which fields are money comes from the field units of
 * `src/core/input-fields.ts` (`MONEY_FIELDS`), their one source; uncertainty ranges on money inputs
 * are converted too.
 *
 * Products are exact (worked out digit by digit); only a product with more than 40 significant
 * digits or 40 decimal places, more than a document holds, is rounded (half up), and is marked so.
 *
 * @example
 * const r = convertCurrency(doc, 'EUR', '0.92', { asOf: '2026-07-31', source: 'ECB reference rate' });
 * // r.ok, r.doc.options[0].outputPerM === '9.2' (was '10'), r.doc.fx.rateFromUsd === '0.92'
 */

export type ConvertedField = {
  /** The field's path in the document, as in validation messages (`options[0].outputPerM`). */
  path: string;
  from: string;
  to: string;
  /** The exact product had more digits than a document holds and was rounded. */
  rounded: boolean;
};

export type ConvertCurrencyResult =
  | { ok: true; doc: ScenarioDoc; converted: ConvertedField[]; notes: string[] }
  | { ok: false; errors: ValidationError[] };

export const CURRENCY_ERRORS = {
  code: 'must be a three-letter ISO 4217 code such as "EUR"',
  rate: 'must be a number above 0 (units of the new currency per 1 unit of the current one)',
} as const;

/** What a document holds (decimal-field.ts), and the engine's precision. */
const MAX_DIGITS = 40;
const CODE = /^[A-Z]{3}$/;

/**
 * `doc` in currency `toCurrency`, every money input multiplied by `rateFromCurrentToNew` (units
 * of the new currency per unit of the current one). The `fx` section follows: dropped when the new
 * currency is USD; otherwise its rate from USD is the old one (1 from USD) times this rate, dated
 * and sourced by `stated`. Without `stated`, or when the old rate from USD is unknown (a non-USD
 * scenario without `fx`), the result has no `fx` and `notes` says why.
 *
 * Refused, with the fields named, when the document is not valid or a converted amount falls
 * outside its field's bounds (the bounds are the same in every currency).
 */
export function convertCurrency(
  doc: ScenarioDoc,
  toCurrency: string,
  rateFromCurrentToNew: Dec | string,
  stated?: { asOf: string; source: string },
): ConvertCurrencyResult {
  if (!CODE.test(toCurrency)) {
    return { ok: false, errors: [{ path: 'currency', message: CURRENCY_ERRORS.code }] };
  }
  const rate = readRate(rateFromCurrentToNew);
  if (rate === null)
    return { ok: false, errors: [{ path: 'rate', message: CURRENCY_ERRORS.rate }] };
  const before = validateScenario(doc);
  if (!before.ok) return { ok: false, errors: before.errors };
  // The validated document: every number is decimal text, every default filled in.
  const source = before.document;

  let out: ScenarioDoc = { ...source, currency: toCurrency };
  const converted: ConvertedField[] = [];
  for (const path of moneyPaths(source)) {
    const from = getAt(source, path);
    if (typeof from !== 'string') continue;
    const product = multiplyExact(from, rate);
    out = setAt(out, path, product.value);
    converted.push({ path: formatPath(path), from, to: product.value, rounded: product.rounded });
  }
  const notes: string[] = [];
  const fx = nextFx(source, toCurrency, rate, stated, notes);
  if (fx) out = { ...out, fx };
  else if (out.fx) {
    out = { ...out };
    delete out.fx;
  }
  const after = validateScenario(out);
  if (!after.ok) return { ok: false, errors: after.errors };
  return { ok: true, doc: after.document, converted, notes };
}

function nextFx(
  doc: ScenarioDoc,
  toCurrency: string,
  rate: Dec,
  stated: { asOf: string; source: string } | undefined,
  notes: string[],
): FxDoc | null {
  if (toCurrency === 'USD') {
    if (doc.fx) notes.push('The scenario is now in USD: its exchange rate was removed.');
    return null;
  }
  const fromUsd = doc.currency === 'USD' ? '1' : doc.fx?.rateFromUsd;
  if (fromUsd === undefined) {
    notes.push(
      `The rate from USD to ${doc.currency} was not stated, so the rate from USD to ${toCurrency} is unknown: state it to convert catalog values.`,
    );
    return null;
  }
  if (!stated) {
    notes.push(
      `State the date and source of the rate to keep a rate from USD to ${toCurrency} for catalog values.`,
    );
    return null;
  }
  return { rateFromUsd: multiplyExact(fromUsd, rate).value, ...stated };
}

function readRate(rate: Dec | string): Dec | null {
  try {
    const d = typeof rate === 'string' ? new Dec(rate.trim()) : rate;
    if (!d.isFinite() || !d.isPositive() || d.isZero()) return null;
    if (d.decimalPlaces() > MAX_DIGITS || d.sd() > MAX_DIGITS) return null;
    return d;
  } catch {
    return null;
  }
}

/**
 * The path of every money field of a document, in document order: settings, options (API prices,
 * GPU prices of the current pricing mode, storage, monitoring, fine-tuning, and any staff-tier
 * field that is money), and the low, likely and high of each uncertainty range on a money input.
 */
export function moneyPaths(doc: ScenarioDoc): DocPath[] {
  const paths: DocPath[] = [];
  for (const field of MONEY_FIELDS.settings) paths.push(['settings', field]);
  doc.workloads.forEach((_, i) => {
    for (const field of MONEY_FIELDS.workload) paths.push(['workloads', i, field]);
  });
  doc.options.forEach((o, i) => {
    if (o.kind === 'api') {
      for (const field of MONEY_FIELDS.api) paths.push(['options', i, field]);
      return;
    }
    for (const field of MONEY_FIELDS.gpu[o.gpu.mode]) paths.push(['options', i, 'gpu', field]);
    for (const field of MONEY_FIELDS.selfHost) paths.push(['options', i, field]);
    o.engineeringFte.forEach((_, t) => {
      for (const field of MONEY_FIELDS.staffTier) {
        paths.push(['options', i, 'engineeringFte', t, field]);
      }
    });
  });
  doc.analysis?.uncertainty?.ranges.forEach((range, r) => {
    if (!isMoneyInput(doc, range.input)) return;
    for (const end of ['low', 'likely', 'high']) {
      paths.push(['analysis', 'uncertainty', 'ranges', r, end]);
    }
  });
  return paths;
}

/** Whether an input reference (text form) names a money input of the document. */
export function isMoneyInput(doc: ScenarioDoc, input: string): boolean {
  const parsed = parseInputRef(input);
  if (!parsed.ok) return false;
  const { ref } = parsed;
  if (ref.scope === 'settings') return MONEY_FIELDS.settings.includes(ref.field);
  if (ref.scope === 'workload') return MONEY_FIELDS.workload.includes(ref.field);
  const option = doc.options.find((o) => o.id === ref.id);
  if (!option) return false;
  if (option.kind === 'api') return MONEY_FIELDS.api.includes(ref.field);
  const gpu = /^gpu\.(.+)$/.exec(ref.field);
  if (gpu) return MONEY_FIELDS.gpu[option.gpu.mode].includes(gpu[1] ?? '');
  const tier = /^engineeringFte\.\d+\.(.+)$/.exec(ref.field);
  if (tier) return MONEY_FIELDS.staffTier.includes(tier[1] ?? '');
  return MONEY_FIELDS.selfHost.includes(ref.field);
}

/**
 * `a · b` exactly: `a` is a document's plain decimal text, `b` a decimal. The digits are
 * multiplied as whole numbers (BigInt) and the point placed after, so nothing is rounded unless
 * the product has more than 40 significant digits or decimal places (then half up, `rounded`).
 *
 * @example multiplyExact('3.99', new Dec('0.92')) // { value: '3.6708', rounded: false }
 */
export function multiplyExact(a: string, b: Dec): { value: string; rounded: boolean } {
  const x = scaled(new Dec(a));
  const y = scaled(b);
  const digits = (x.digits * y.digits).toString();
  const negative = digits.startsWith('-');
  const body = (negative ? digits.slice(1) : digits).padStart(x.scale + y.scale + 1, '0');
  const point = body.length - (x.scale + y.scale);
  const text = `${negative ? '-' : ''}${body.slice(0, point)}${point < body.length ? `.${body.slice(point)}` : ''}`;
  const exact = new Dec(text);
  if (exact.sd() <= MAX_DIGITS && exact.decimalPlaces() <= MAX_DIGITS) {
    return { value: toPlain(exact), rounded: false };
  }
  const rounded = exact
    .toSignificantDigits(MAX_DIGITS, Dec.ROUND_HALF_UP)
    .toDecimalPlaces(MAX_DIGITS, Dec.ROUND_HALF_UP);
  return { value: toPlain(rounded), rounded: true };
}

/** A decimal as whole-number digits and a count of decimal places: 3.99 -> (399, 2). */
function scaled(d: Dec): { digits: bigint; scale: number } {
  // `toFixed()` writes every digit of the value, never rounded and never in exponent notation.
  const [whole = '0', fraction = ''] = d.toFixed().split('.');
  return { digits: BigInt(`${whole}${fraction}`), scale: fraction.length };
}
