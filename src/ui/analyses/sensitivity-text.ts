import { Dec } from '../../core/decimal';
import type { ClampNote } from '../../core/input-refs';
import type { SensitivityResult, SensitivityRow } from '../../core/sensitivity';
import { formatMoney } from '../format';
import { formatBreakEven, formatInputValue, inputName, swingEnds } from './analysis-format';
import type { RankBy } from './sensitivity-data';

/**
 * The sensitivity in words: the text summary beside the tornado chart (for screen readers and
 * for anyone who reads rather than looks) and the notes of each table row.
 */

const MORE_NAMED = 2;

export function summarizeSensitivity(
  result: SensitivityResult,
  by: RankBy,
  currency: string,
  locale?: string,
): string {
  const [minus, plus] = swingEnds(result.swing, locale);
  const money = (v: string) => formatMoney(v, currency, locale);
  if (by === 'savings') {
    const moving = result.rows.filter((r) => !new Dec(r.impact).isZero());
    const top = moving[0];
    if (!top) return `No input moves the monthly savings at ${minus} or ${plus}.`;
    const next = moving.slice(1, 1 + MORE_NAMED).map((r) => inputName(r.label, r.ownerName));
    return (
      `${inputName(top.label, top.ownerName)} matters most: at ${minus} the savings are ` +
      `${money(top.low.runRateSavings)} a month, at ${plus} ${money(top.high.runRateSavings)} ` +
      `(today ${money(result.base.runRateSavings)}).` +
      (next.length > 0 ? ` Next: ${joinWords(next)}.` : '')
    );
  }
  const moving = result.byBreakEven.filter(
    (r) => r.breakEvenImpact.kindChanged || !new Dec(r.breakEvenImpact.tokensPerDay).isZero(),
  );
  const top = moving[0];
  if (!top) return `No input moves the break-even volume at ${minus} or ${plus}.`;
  const next = moving.slice(1, 1 + MORE_NAMED).map((r) => inputName(r.label, r.ownerName));
  return (
    `The break-even volume moves most with ${lowerFirst(inputName(top.label, top.ownerName))}: ` +
    `at ${minus} it is ${formatBreakEven(top.low.breakEven, locale)}, at ${plus} ` +
    `${formatBreakEven(top.high.breakEven, locale)} (today ` +
    `${formatBreakEven(result.base.breakEven, locale)}).` +
    (next.length > 0 ? ` Next: ${joinWords(next.map(lowerFirst))}.` : '')
  );
}

/** What a table row should say beside its numbers: unmoved values and clamped ends. */
export function rowNotes(
  row: SensitivityRow,
  swing: string,
  currency: string,
  locale?: string,
): string[] {
  const [minus, plus] = swingEnds(swing, locale);
  const notes: string[] = [];
  if (row.zeroBase) notes.push('0 today: a percentage swing does not move it.');
  else if (row.notMoved) notes.push("Not moved: both ends round back to today's value.");
  const clamp = (end: string, note: ClampNote | null) => {
    if (!note) return;
    const value = (v: string) => formatInputValue(v, row.unit, currency, locale);
    notes.push(
      `${end} would be ${value(note.requested)}: set to ${value(note.applied)} (${note.reason}).`,
    );
  };
  if (!row.notMoved) {
    clamp(minus, row.low.clamped);
    clamp(plus, row.high.clamped);
  }
  return notes;
}

function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "GPU price…" stays as it is; "Volume of Support" reads "volume of Support" mid-sentence. */
function lowerFirst(text: string): string {
  const [first = '', second = ''] = text;
  // Abbreviations (GPU, PUE, FTE) keep their capitals.
  if (second === second.toUpperCase() && second !== second.toLowerCase()) return text;
  return first.toLowerCase() + text.slice(1);
}
