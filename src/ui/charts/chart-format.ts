import { numberFormat } from '../intl-cache';
/** Axis and tooltip formatting for charts (plain numbers, display only). */

const SUFFIXES: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** 150000000 -> "150M". */
export function compactTokens(value: number): string {
  for (const [size, suffix] of SUFFIXES) {
    if (Math.abs(value) >= size) {
      const scaled = value / size;
      return `${Number(scaled.toPrecision(3))}${suffix}`;
    }
  }
  return String(Math.round(value));
}

/**
 * Axis money: "$25K", "¥3.3M", "KWD 7.7K". The minimum is set as well as the maximum: a currency
 * with three decimals (KWD, BHD) would otherwise ask for more than one, which older engines refuse.
 */
export function compactMoney(value: number, currency: string, locale?: string): string {
  return numberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(value);
}

/** Tooltip money, to the currency's minor unit (cents; whole yen; fils, three decimals). */
export function chartMoney(value: number, currency: string, locale?: string): string {
  return numberFormat(locale, { style: 'currency', currency }).format(value);
}
