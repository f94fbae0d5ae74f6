import type { Dec } from './decimal';

/**
 * Groups digits of a decimal rounded to `places` ("1234567.891" -> "1,234,567.89"). Used only for
 * the plain-words reasons the core writes; the UI formats numbers with `Intl`.
 */
export function groupDigits(value: Dec, places: number): string {
  const fixed = value.toFixed(places);
  const negative = fixed.startsWith('-');
  const [whole = '0', fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
