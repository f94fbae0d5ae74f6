import { numberFormat } from './intl-cache';
import { Dec } from '../core/decimal';

/**
 * How a numeric input looks and moves: its label and unit, and its slider's scale. The store
 * always holds the scenario's own unit (fractions, not percent); `display` converts for the
 * field and back, exactly.
 */
export type FieldSpec = {
  label: string;
  unit: string;
  /** Slider range in stored units; `log` sliders move by orders of magnitude. */
  min: number;
  max: number;
  scale: 'linear' | 'log';
  /** Linear slider step in stored units. */
  step?: number;
  /** Shown and typed as percent (stored as a fraction). */
  percent?: boolean;
  /** Whole numbers only. */
  integer?: boolean;
  /** An amount in the scenario's currency: the unit is prefixed with it. */
  money?: boolean;
  /** One sentence on what the number means. */
  help?: string;
};

/** Slider positions run 0..SLIDER_STEPS for log scales. */
export const SLIDER_STEPS = 1000;

/** Stored decimal text -> slider position. Out-of-range values are clamped; text that is not a number gives null. */
export function toSliderPosition(spec: FieldSpec, stored: string): number | null {
  let value: number;
  try {
    value = new Dec(stored).toNumber();
  } catch {
    return null;
  }
  if (!Number.isFinite(value)) return null;
  const clamped = Math.min(spec.max, Math.max(spec.min, value));
  if (spec.scale === 'linear') return clamped;
  const lo = Math.log10(spec.min);
  const hi = Math.log10(spec.max);
  return Math.round(((Math.log10(clamped) - lo) / (hi - lo)) * SLIDER_STEPS);
}

/**
 * Slider position -> stored decimal text. Log sliders round to 3 significant digits, linear ones
 * to their step, so a dragged value is a clean number (150,000,000 rather than 149,987,341.2).
 */
export function fromSliderPosition(spec: FieldSpec, position: number): string {
  if (spec.scale === 'linear') {
    const step = new Dec(String(spec.step ?? 1));
    return new Dec(String(position)).div(step).toDecimalPlaces(0).mul(step).toFixed();
  }
  const lo = Math.log10(spec.min);
  const hi = Math.log10(spec.max);
  const raw = 10 ** (lo + (position / SLIDER_STEPS) * (hi - lo));
  const rounded = new Dec(raw.toPrecision(3));
  return (spec.integer ? rounded.toDecimalPlaces(0) : rounded).toFixed();
}

/** Stored text -> the text shown in the field (percent fields multiply by 100, exactly). */
export function toFieldText(spec: FieldSpec, stored: string): string {
  if (!spec.percent) return stored;
  try {
    return new Dec(stored).mul(100).toFixed();
  } catch {
    return stored;
  }
}

/** Typed text -> stored text. Text that is not a number is stored as typed, so validation can name it. */
export function fromFieldText(spec: FieldSpec, typed: string, locale?: string): string {
  const { group, decimal } = separators(locale);
  // The locale's own grouping ("150,000,000"; "150.000.000" in German) and decimal mark are
  // accepted; anything ambiguous ("1,5" where "," groups thousands) is left for validation.
  let text = typed
    .trim()
    .replace(/%$/, '')
    .replace(/[\s\u00a0\u202f_]/g, '');
  const g = escapeRegExp(group);
  const d = escapeRegExp(decimal);
  if (group && new RegExp(`^[+-]?\\d{1,3}(${g}\\d{3})+(${d}\\d*)?$`).test(text)) {
    text = text.split(group).join('');
  }
  if (decimal !== '.' && !text.includes('.')) text = text.replace(decimal, '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return typed;
  const value = new Dec(text);
  return (spec.percent ? value.div(100) : value).toFixed();
}

/** The grouping and decimal marks of a locale, e.g. "," and "." in English. */
function separators(locale?: string): { group: string; decimal: string } {
  const parts = numberFormat(locale, {}).formatToParts(1234567.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  // Spaces used as group marks (French) are removed above with the other spaces.
  return { group: /\s/.test(group) ? '' : group, decimal };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The field's text when not being edited: grouped for the user's locale (150,000,000). */
export function toFieldDisplay(spec: FieldSpec, stored: string, locale?: string): string {
  const text = toFieldText(spec, stored);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  return numberFormat(locale, { maximumFractionDigits: 20 }).format(
    text as Intl.StringNumericLiteral,
  );
}
