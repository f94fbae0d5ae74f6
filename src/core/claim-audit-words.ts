import { Dec } from './decimal';
import { groupDigits } from './format-plain';

/**
 * Numbers written into the audit's sentences. Rounding happens here, at the edge (DESIGN
 * section 2), half away from zero; the exact values travel in each finding's `figures`.
 *
 * @example writeMoney(new Dec('16266.666'), 'USD') // '$16,266.67'
 * @example writeMoney(new Dec('9200'), 'USD')      // '$9,200'
 */
export function writeMoney(amount: Dec, currency: string): string {
  const cents = amount.toDecimalPlaces(2);
  const text = groupDigits(cents, cents.isInteger() ? 0 : 2);
  const sign = text.startsWith('-') ? '-' : '';
  const digits = sign === '' ? text : text.slice(1);
  return currency === 'USD' ? `${sign}$${digits}` : `${sign}${currency} ${digits}`;
}

/** A price per 1M tokens: cents from $1 up, up to four places below (`$0.0575`). */
export function writePrice(amount: Dec, currency: string): string {
  if (amount.abs().greaterThanOrEqualTo(1) || amount.isZero()) {
    const text = groupDigits(amount, 2);
    return currency === 'USD' ? `$${text}` : `${currency} ${text}`;
  }
  const places = Math.max(2, Math.min(4, amount.toDecimalPlaces(4).decimalPlaces()));
  const text = groupDigits(amount, places);
  return currency === 'USD' ? `$${text}` : `${currency} ${text}`;
}

/** Whole tokens with grouping: `9,467,456`. */
export function writeTokens(tokens: Dec): string {
  return groupDigits(tokens, 0);
}

/** A fraction as a percentage (`0.554347` -> `55.43%`). */
export function writePercent(share: Dec, places = 2): string {
  return `${groupDigits(share.mul(100), places)}%`;
}

/** A plain number with at most `places` decimals, trailing zeros dropped (`0.25`, `3`, `5.43`). */
export function writeNumber(value: Dec, places = 2): string {
  const rounded = value.toDecimalPlaces(places);
  return groupDigits(rounded, rounded.decimalPlaces());
}

/** Tokens per day in short form for titles: `10M`, `1B`, `9.47M`. */
export function writeVolume(tokensPerDay: Dec): string {
  const billion = new Dec(1_000_000_000);
  const million = new Dec(1_000_000);
  if (tokensPerDay.greaterThanOrEqualTo(billion)) {
    return `${writeNumber(tokensPerDay.div(billion))}B`;
  }
  if (tokensPerDay.greaterThanOrEqualTo(million)) {
    return `${writeNumber(tokensPerDay.div(million))}M`;
  }
  return writeTokens(tokensPerDay);
}
