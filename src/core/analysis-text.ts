import { Dec } from './decimal';
import { groupDigits } from './format-plain';
import type { CostParts } from './cost-parts';
import type { FieldUnit } from './input-fields';

/**
 * Numbers in the plain-words explanations of the analyses (goal seek, sensitivity). The UI
 * formats numbers with `Intl`; these sentences are written by the core, so they use the same
 * plain grouping as the break-even reasons (`groupDigits`).
 */

/** A monthly amount or a gap: "USD 1,234.57" (to the cent, half away from zero). */
export function formatMoney(value: Dec, currency: string): string {
  return `${currency} ${groupDigits(value, 2)}`;
}

/** Six significant digits, without trailing zeros, grouped ("0.62", "1,234.5", "0.000125"). */
function short(value: Dec): string {
  const rounded = value.toSignificantDigits(6, Dec.ROUND_HALF_UP);
  const places = Math.max(0, rounded.decimalPlaces());
  return groupDigits(rounded, places);
}

/**
 * The value of an input in words, by unit: "USD 2.50", "0.62", "150,000,000 tokens/day",
 * "3 replicas"... Money under 100 keeps up to six significant digits (a price of USD 0.125 per
 * 1M tokens stays 0.125).
 */
export function formatInputValue(value: Dec, unit: FieldUnit | 'factor', currency: string): string {
  switch (unit) {
    case 'money':
      return `${currency} ${value.abs().lessThan(100) && value.decimalPlaces() > 2 ? short(value) : groupDigits(value, 2)}`;
    case 'tokensPerDay':
      return `${value.abs().greaterThanOrEqualTo(1000) ? groupDigits(value, 0) : short(value)} tokens/day`;
    case 'tokensPerSec':
      return `${short(value)} tokens/s`;
    case 'fte':
      return `${short(value)} FTE`;
    case 'months':
      return `${short(value)} months`;
    case 'kw':
      return `${short(value)} kW`;
    case 'count':
      return groupDigits(value, 0);
    case 'factor':
      return `${short(value)}×`;
    default:
      return short(value);
  }
}

const PART_NAMES: Record<keyof CostParts, string> = {
  api: 'API usage',
  gpu: 'GPUs',
  storage: 'storage',
  monitoring: 'monitoring',
  engineering: 'staff',
  fineTuning: 'fine-tuning',
};

/** The part of a run-rate in words ("staff", "GPUs"). */
export function partName(part: keyof CostParts): string {
  return PART_NAMES[part];
}

/** "one", "two", ... "ten", then digits: counts in sentences. */
export function countWords(n: number): string {
  return COUNT_WORDS[n] ?? String(n);
}
const COUNT_WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];
