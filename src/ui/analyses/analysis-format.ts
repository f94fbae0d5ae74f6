import { Dec } from '../../core/decimal';
import type { FieldUnit } from '../../core/input-fields';
import type { BreakEvenSummary } from '../../core/strategy-pair';
import { numberFormat } from '../intl-cache';
import { formatMoney, formatTokens } from '../format';

/**
 * Numbers of the analyses for display. Values arrive as exact decimal strings; they are rounded
 * here, at the edge, and handed to `Intl` as strings (no float touches them).
 */

type Literal = Intl.StringNumericLiteral;

/** Six significant digits, grouped: "0.125", "1,234.57", "6,797". */
export function formatShort(value: string, locale?: string): string {
  const rounded = new Dec(value).toSignificantDigits(6, Dec.ROUND_HALF_UP);
  const places = Math.min(12, Math.max(0, rounded.decimalPlaces()));
  return numberFormat(locale, { maximumFractionDigits: places }).format(
    rounded.toFixed(places) as Literal,
  );
}

/**
 * An input's value in its unit: "$3.99", "$0.125", "80%", "150,000,000 tokens/day", "0.5 FTE".
 * Money below 100 keeps up to six significant digits, so a price of $0.125 per 1M stays exact.
 */
export function formatInputValue(
  value: string,
  unit: FieldUnit | 'factor',
  currency: string,
  locale?: string,
): string {
  const v = new Dec(value);
  switch (unit) {
    case 'money': {
      if (v.abs().greaterThanOrEqualTo(100) || v.decimalPlaces() <= 2) {
        return formatMoney(value, currency, locale);
      }
      const rounded = v.toSignificantDigits(6, Dec.ROUND_HALF_UP);
      const places = Math.min(12, Math.max(2, rounded.decimalPlaces()));
      return numberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: 2,
        maximumFractionDigits: places,
      }).format(rounded.toFixed(places) as Literal);
    }
    case 'share':
      return `${formatShort(v.mul(100).toFixed(), locale)}%`;
    case 'tokensPerDay':
      return `${v.abs().greaterThanOrEqualTo(1000) ? formatTokens(value, locale) : formatShort(value, locale)} tokens/day`;
    case 'tokensPerSec':
      return `${formatShort(value, locale)} tokens/s`;
    case 'fte':
      return `${formatShort(value, locale)} FTE`;
    case 'months':
      return `${formatShort(value, locale)} months`;
    case 'kw':
      return `${formatShort(value, locale)} kW`;
    case 'count':
      return formatShort(v.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toFixed(0), locale);
    case 'factor':
      return `×${formatShort(value, locale)}`;
    default:
      return formatShort(value, locale);
  }
}

/** A swing fraction as a percentage: "0.2" -> "20%". */
export function formatSwing(fraction: string, locale?: string): string {
  return `${formatShort(new Dec(fraction).mul(100).toFixed(), locale)}%`;
}

/** The two ends of a swing, with a true minus sign: ["−20%", "+20%"]. */
export function swingEnds(fraction: string, locale?: string): [string, string] {
  const percent = formatSwing(fraction, locale);
  return [`−${percent}`, `+${percent}`];
}

/** A break-even for a table cell or a sentence. */
export function formatBreakEven(be: BreakEvenSummary, locale?: string): string {
  if (be.kind === 'at') return `${formatTokens(be.tokensPerDay, locale)} tokens/day`;
  return be.kind === 'always' ? 'always cheaper' : 'never';
}

/** "Output price per 1M tokens": the field's words with a capital. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An input with its owner: "GPU price per hour of Llama 3.3 70B…"; settings stand alone. */
export function inputName(label: string, ownerName: string): string {
  return ownerName === 'Settings' ? capitalise(label) : `${capitalise(label)} of ${ownerName}`;
}

export type SwingInput = { ok: true; fraction: string } | { ok: false; message: string };

export const SWING_MIN_PERCENT = 1;
export const SWING_MAX_PERCENT = 100;

/**
 * The swing field's text as a fraction: "20" or "20%" -> "0.2"; from 1% to 100%. Decimal commas
 * are read as points ("12,5" -> 12.5%): the field holds a small percentage, never thousands.
 */
export function readSwing(text: string): SwingInput {
  const cleaned = text.trim().replace(/%$/, '').trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(cleaned)) {
    return {
      ok: false,
      message: `Enter a percentage from ${SWING_MIN_PERCENT} to ${SWING_MAX_PERCENT}.`,
    };
  }
  const percent = new Dec(cleaned);
  if (percent.lessThan(SWING_MIN_PERCENT) || percent.greaterThan(SWING_MAX_PERCENT)) {
    return {
      ok: false,
      message: `The swing must be from ${SWING_MIN_PERCENT}% to ${SWING_MAX_PERCENT}%.`,
    };
  }
  return { ok: true, fraction: percent.div(100).toFixed() };
}
