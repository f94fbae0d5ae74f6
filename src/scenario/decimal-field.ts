import * as v from 'valibot';
import { Dec } from '../core/decimal';

/** Decimal text as accepted in a scenario: optional sign, digits, optional fraction and exponent. */
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Longer text than this is not a number anyone typed. */
const MAX_DECIMAL_TEXT = 80;
/**
 * More decimal places than this are refused: a value like 1e-100 is short to type but 100 digits
 * long once written out plainly (in a saved document or a link), where it would fail the length
 * rule above. Forty places is what the engine itself works to.
 */
const MAX_DECIMAL_PLACES = 40;

export type DecimalBounds = {
  min: string;
  max: string;
  /** Exclude `min` itself (for example a utilization must be above 0). */
  minExclusive?: boolean;
  integer?: boolean;
};

/**
 * Parses a JSON number or decimal string into an exact `Dec` (DESIGN section 4: either way the
 * value is exact; 0.1 is 0.1) and checks its bounds, with a message that names the problem.
 * JSON numbers are read through their shortest text form, never through arithmetic.
 */
export function decimalField(bounds: DecimalBounds) {
  const min = new Dec(bounds.min);
  const max = new Dec(bounds.max);
  return v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const raw = dataset.value;
      let text: string;
      if (typeof raw === 'number') {
        if (!Number.isFinite(raw)) {
          addIssue({ message: `must be a finite number, got ${String(raw)}` });
          return NEVER;
        }
        text = String(raw);
      } else if (typeof raw === 'string') {
        text = raw.trim();
        if (text.length > MAX_DECIMAL_TEXT || !DECIMAL_TEXT.test(text)) {
          addIssue({ message: `must be a number, got ${quote(raw)}` });
          return NEVER;
        }
      } else {
        addIssue({ message: `must be a number or a decimal string, got ${describe(raw)}` });
        return NEVER;
      }
      const value = new Dec(text);
      if (!value.isFinite()) {
        addIssue({ message: `must be a finite number, got ${quote(text)}` });
        return NEVER;
      }
      const tooLow = bounds.minExclusive ? value.lessThanOrEqualTo(min) : value.lessThan(min);
      if (tooLow || value.greaterThan(max)) {
        const low = bounds.minExclusive ? `above ${bounds.min}` : `at least ${bounds.min}`;
        addIssue({ message: `must be ${low} and at most ${bounds.max}, got ${shortText(text)}` });
        return NEVER;
      }
      if (value.decimalPlaces() > MAX_DECIMAL_PLACES) {
        addIssue({
          message: `must have at most ${MAX_DECIMAL_PLACES} decimal places, got ${shortText(text)}`,
        });
        return NEVER;
      }
      if (bounds.integer && !value.isInteger()) {
        addIssue({ message: `must be a whole number, got ${shortText(text)}` });
        return NEVER;
      }
      return value;
    }),
  );
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function shortText(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${quote(value)}`;
  return `${typeof value} ${String(value)}`;
}
