import * as v from 'valibot';
import { decimalField } from './decimal-field';

/**
 * The optional `fx` section of scenario format v1 (issue 6 item 5): the exchange rate the app uses
 * to bring catalog values (all in USD) into the scenario's currency, as the user stated it, with
 * its date and source. The project ships no rates of its own: a rate without a date and a source
 * is not one a finance reviewer can check. Meaningful only when `currency` is not USD (a scenario
 * in USD with an `fx` section is refused: `checkFx`).
 *
 * @example { "rateFromUsd": "0.92", "asOf": "2026-07-31", "source": "ECB euro reference rate" }
 */

export const FX_LIMITS = {
  /** Units of the scenario currency per 1 USD: no currency in use is near a million per dollar. */
  rateMax: '1000000',
  sourceLength: 200,
} as const;

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `YYYY-MM-DD` names a real day of the Gregorian calendar (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const m = DATE_TEXT.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

export const fxSchema = v.strictObject({
  rateFromUsd: decimalField({ min: '0', max: FX_LIMITS.rateMax, minExclusive: true }),
  asOf: v.pipe(
    v.string('must be the date of the rate as text, YYYY-MM-DD'),
    v.check(isCalendarDate, 'must be the date of the rate, written YYYY-MM-DD (from 1900)'),
  ),
  source: v.pipe(
    v.string('must say where the rate comes from, as text'),
    v.check((s) => s.trim().length > 0, 'must say where the rate comes from'),
    v.maxLength(FX_LIMITS.sourceLength, `must be at most ${FX_LIMITS.sourceLength} characters`),
  ),
});

export type FxInput = v.InferInput<typeof fxSchema>;
export type ParsedFx = v.InferOutput<typeof fxSchema>;

export const FX_ERRORS = {
  usd: 'applies only when the currency is not USD (catalog values are already in USD)',
} as const;

/** The rule between `fx` and `currency`: an `fx` section in a USD scenario is refused. */
export function checkFx(
  currency: string,
  fx: ParsedFx | undefined,
): { path: string; message: string }[] {
  if (fx !== undefined && currency === 'USD') return [{ path: 'fx', message: FX_ERRORS.usd }];
  return [];
}
