import { numberFormat } from './intl-cache';
import { Dec } from '../core/decimal';

/**
 * Display formatting. Rounding happens here, at the edge (DESIGN section 2): to the currency's
 * minor unit, half away from zero, the same rule `Intl.NumberFormat` uses. `Intl` receives the
 * rounded decimal as a string, so no float ever touches a money amount.
 */
export function formatMoney(amount: string, currency: string, locale?: string): string {
  const format = numberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const rounded = new Dec(amount).toDecimalPlaces(digits, Dec.ROUND_HALF_UP).toFixed(digits);
  return format.format(rounded as Intl.StringNumericLiteral);
}

/** Tokens per day with grouping, whole tokens. */
export function formatTokens(amount: string, locale?: string): string {
  const rounded = new Dec(amount).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toFixed(0);
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(
    rounded as Intl.StringNumericLiteral,
  );
}

/** A fraction as a percentage with one decimal. */
export function formatShare(fraction: string, locale?: string): string {
  const percent = new Dec(fraction).mul(100).toDecimalPlaces(1, Dec.ROUND_HALF_UP).toFixed(1);
  return `${numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(percent as Intl.StringNumericLiteral)}%`;
}
