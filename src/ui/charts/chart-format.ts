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

/** Axis money: "$25K". */
export function compactMoney(value: number, currency: string, locale?: string): string {
  return numberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}

/** Tooltip money, to the cent. */
export function chartMoney(value: number, currency: string, locale?: string): string {
  return numberFormat(locale, { style: 'currency', currency }).format(value);
}
