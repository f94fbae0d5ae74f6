import { Dec } from './decimal';

/**
 * How precisely a claim states a number decides how closely a re-derived value must match it:
 * "55%" is right for anything that rounds (half away from zero) to 55, "$8.88 million" for
 * anything that rounds to 8.88 million. Never a looser tolerance than the claim's own digits.
 */

/** Decimal places written in a number's text: `"8.88"` -> 2, `"55"` -> 0. */
export function placesOf(text: string): number {
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/** Whether `value` rounds to `stated` at `places` decimals. */
export function roundsTo(value: Dec, stated: Dec, places: number): boolean {
  return value.toDecimalPlaces(places).equals(stated.toDecimalPlaces(places));
}

/** Reads a number written with thousands separators (`"1,200"` -> 1200), or null. */
export function readWrittenNumber(text: string): Dec | null {
  const plain = text.replace(/,/g, '');
  return /^\d+(\.\d+)?$/.test(plain) ? new Dec(plain) : null;
}

/** The multiplier a scale word stands for (`million` -> 1e6), 1 for none. */
export function scaleOf(word: string | undefined): Dec {
  switch ((word ?? '').toLowerCase()) {
    case 'thousand':
    case 'k':
      return new Dec(1_000);
    case 'million':
    case 'm':
      return new Dec(1_000_000);
    case 'billion':
    case 'bn':
    case 'b':
      return new Dec(1_000_000_000);
    default:
      return new Dec(1);
  }
}
