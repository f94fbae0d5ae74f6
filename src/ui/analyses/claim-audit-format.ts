import { Dec } from '../../core/decimal';
import type { AuditFigure, AuditStatus } from '../../core/claim-audit-result';
import { formatMoney, formatTokens } from '../format';
import { numberFormat } from '../intl-cache';

/**
 * Display of the claim audit's exact figures. Rounding happens here, half away from zero, on
 * the decimal string; `Intl` receives the rounded string, never a float of the exact value.
 */

/** The status in words: the colour in the stylesheet only repeats it. */
export const STATUS_LABEL: Record<AuditStatus, string> = {
  consistent: 'Consistent',
  inconsistent: 'Inconsistent',
  derived: 'Derived',
  unchecked: 'Cannot be checked',
};

function rounded(value: string, places: number): Intl.StringNumericLiteral {
  return new Dec(value)
    .toDecimalPlaces(places, Dec.ROUND_HALF_UP)
    .toFixed() as Intl.StringNumericLiteral;
}

function number(value: string, places: number, locale: string | undefined): string {
  return numberFormat(locale, { maximumFractionDigits: places }).format(rounded(value, places));
}

/** A price per 1M tokens or per hour: at least cents, up to four places ($0.0575). */
function price(value: string, currency: string, locale: string | undefined): string {
  return numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(rounded(value, 4));
}

/**
 * One figure for reading: money to the cent, prices to four places, tokens whole, shares as
 * percentages with two decimals.
 *
 * @example formatFigure({ label: 'per 1M', value: '29.58904109589041', unit: 'moneyPerMTokens' }, 'USD') // '$29.589 per 1M tokens'
 */
export function formatFigure(figure: AuditFigure, currency: string, locale?: string): string {
  if (figure.value === '') return 'none';
  switch (figure.unit) {
    case 'money':
      return formatMoney(figure.value, currency, locale);
    case 'moneyPerMTokens':
      return `${price(figure.value, currency, locale)} per 1M tokens`;
    case 'moneyPerHour':
      return `${price(figure.value, currency, locale)} per hour`;
    case 'tokensPerDay':
      return `${formatTokens(figure.value, locale)} tokens/day`;
    case 'tokens':
      return `${formatTokens(figure.value, locale)} tokens`;
    case 'share':
      return `${number(new Dec(figure.value).mul(100).toFixed(), 2, locale)}%`;
    case 'gigabytes':
      return `${number(figure.value, 1, locale)} GB`;
    case 'count':
    case 'ratio':
      return number(figure.value, 4, locale);
  }
}
