import type { ScenarioDoc } from '../scenario/document';
import { numberFormat } from './intl-cache';
import { SPECS } from './input-specs';

/**
 * Words for a currency change: which field a document path names, and amounts written in full.
 * A conversion report lists every amount it multiplied; a refusal names the fields it could not.
 */

/** The currencies offered first, most used in software budgets first; any other code can be typed. */
export const COMMON_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CHF',
  'CAD',
  'AUD',
  'CNY',
  'INR',
  'KRW',
  'SGD',
  'HKD',
  'NZD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'ILS',
  'TRY',
  'AED',
  'SAR',
  'KWD',
  'BHD',
  'IDR',
  'BRL',
  'MXN',
  'ZAR',
] as const;

/** How many digits after the point the currency's amounts are shown with (USD 2, JPY 0, KWD 3). */
export function minorUnitText(code: string): string {
  let digits = 2;
  try {
    digits =
      numberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits ?? 2;
  } catch {
    // A code Intl refuses is shown with two decimals by the formatting code too.
  }
  return digits === 0 ? 'whole units' : `${digits} decimal${digits === 1 ? '' : 's'}`;
}

const SEGMENT = /([A-Za-z]+)|\[(\d+)\]/g;

/** `options[1].gpu.hourlyPerGpu` -> ['options', 1, 'gpu', 'hourlyPerGpu']. */
export function parsePathText(text: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of text.matchAll(SEGMENT)) {
    if (m[1] !== undefined) parts.push(m[1]);
    else if (m[2] !== undefined) parts.push(Number(m[2]));
  }
  return parts;
}

const FX_LABELS: Record<string, string> = {
  rateFromUsd: 'Rate from USD',
  asOf: 'Rate as of',
  source: 'Rate source',
};

/**
 * The field a validation path names, as a person reads it: "GPT-5 API: Output price",
 * "Finance: Engineer cost", "Self-hosted Llama: staff tier 2, Engineers". Falls back to the path.
 *
 * @example describeField(doc, 'settings.fteCostPerYear') // 'Finance: Engineer cost'
 */
export function describeField(doc: ScenarioDoc, pathText: string): string {
  const path = parsePathText(pathText);
  const [head, index] = path;
  const last = path[path.length - 1];
  const label = typeof last === 'string' ? fieldLabel(last) : null;
  if (head === 'settings' && label) return `Finance: ${label}`;
  if (head === 'fx' && typeof last === 'string') return FX_LABELS[last] ?? pathText;
  if (head === 'currency') return 'Currency';
  if (head === 'workloads' && typeof index === 'number' && label) {
    return `${doc.workloads[index]?.name ?? `Workload ${index + 1}`}: ${label}`;
  }
  if (head === 'options' && typeof index === 'number' && label) {
    const name = doc.options[index]?.name ?? `Option ${index + 1}`;
    const tier = path[2] === 'engineeringFte' && typeof path[3] === 'number' ? path[3] : null;
    return tier === null ? `${name}: ${label}` : `${name}: staff tier ${tier + 1}, ${label}`;
  }
  if (head === 'analysis' && path.includes('ranges')) {
    const r = path[path.indexOf('ranges') + 1];
    const range = typeof r === 'number' ? doc.analysis?.uncertainty?.ranges[r] : undefined;
    if (typeof r === 'number' && typeof last === 'string') {
      return `Uncertainty range ${r + 1}${range ? ` (${range.input})` : ''}: ${last}`;
    }
  }
  return pathText;
}

function fieldLabel(field: string): string | null {
  const spec = (SPECS as Record<string, { label: string } | undefined>)[field];
  return spec?.label ?? null;
}

/**
 * An exact amount with every digit kept and grouped for reading ("220,800", "3.6708"), for the
 * list of converted fields: the document holds these digits, so none is rounded away here.
 */
export function fullAmount(text: string, locale?: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [whole = '', fraction] = text.split('.');
  const grouped = numberFormat(locale, { maximumFractionDigits: 0 }).format(
    whole as Intl.StringNumericLiteral,
  );
  if (fraction === undefined) return grouped;
  const mark =
    numberFormat(locale, {})
      .formatToParts(1.5)
      .find((p) => p.type === 'decimal')?.value ?? '.';
  return `${grouped}${mark}${fraction}`;
}
