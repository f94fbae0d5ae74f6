import { Dec } from '../../core/decimal';
import { clampToBounds, formatInputRef, listNumericInputs } from '../../core/input-refs';
import type { NumericInput } from '../../core/input-refs';
import type { FieldUnit } from '../../core/input-fields';
import type { Scenario } from '../../core/model';
import { usesOption } from '../../core/strategy-pair';
import { ANALYSIS_DEFAULTS } from '../../scenario/analysis-schema';
import type { ScenarioDoc, UncertaintyDoc, UncertaintyRangeDoc } from '../../scenario/document';
import type { MonteCarloParams } from '../../platform/analysis-jobs';
import { numberFormat } from '../intl-cache';
import { capitalise } from './analysis-format';
import { scenarioPart } from '../../scenario/scenario-part';

/**
 * What the uncertainty panel (issue 6 item 3) edits: the ranges of `analysis.uncertainty`, each
 * on one input named by its reference, with the seed and the number of samples.
 */

/** One input a range can be put on. */
export type RangeChoice = { key: string; label: string };
export type RangeGroup = { label: string; choices: RangeChoice[] };

/**
 * Every numeric input of the scenario, grouped as the inputs panel (and goal seek) groups them:
 * settings, each workload, each option. Inputs that already have a range are left out. An option
 * neither strategy uses is still listed, marked: a range on it is drawn but changes nothing, and
 * the results say so.
 */
export function rangeChoices(
  model: Scenario,
  strategyId: string | null,
  taken: ReadonlySet<string>,
): RangeGroup[] {
  const baseline = model.strategies[0];
  const strategy = model.strategies.find((s) => s.id === strategyId);
  const inputs = listNumericInputs(model).filter((i) => !taken.has(i.key));
  const choice = (i: NumericInput): RangeChoice => ({ key: i.key, label: capitalise(i.label) });
  const groups: RangeGroup[] = [
    { label: 'Settings', choices: inputs.filter((i) => i.ref.scope === 'settings').map(choice) },
  ];
  for (const w of model.workloads) {
    groups.push({
      label: `Workload: ${w.name}`,
      choices: inputs.filter((i) => i.ref.scope === 'workload' && i.ref.id === w.id).map(choice),
    });
  }
  for (const o of model.options) {
    const used =
      (baseline !== undefined && usesOption(baseline, o.id)) ||
      (strategy !== undefined && usesOption(strategy, o.id));
    groups.push({
      label: `${o.kind === 'api' ? 'API' : 'Self-hosted'}: ${o.name}${used ? '' : ' (neither strategy uses it)'}`,
      choices: inputs.filter((i) => i.ref.scope === 'option' && i.ref.id === o.id).map(choice),
    });
  }
  return groups.filter((g) => g.choices.length > 0);
}

/** Where a new range starts: 20% below and above today's value, each kept valid for the input. */
export const PREFILL_SWING = new Dec('0.2');

/**
 * A new range on an input: low and high at -20% and +20% of today's value (made valid: within the
 * input's bounds, whole where it must be), likely at today's value. Exact decimals throughout.
 *
 * @example prefillRange(outputPrice) // { input: 'option/gpt-5/outputPerM', low: '8', likely: '10', high: '12' }
 */
export function prefillRange(input: NumericInput): UncertaintyRangeDoc {
  const value = input.value;
  const a = clampToBounds(value.mul(Dec.sub(1, PREFILL_SWING)), input.bounds).value;
  const b = clampToBounds(value.mul(Dec.add(1, PREFILL_SWING)), input.bounds).value;
  // A negative value (a falling price, shrinking volume) swaps the two ends.
  const [low, high] = a.lessThanOrEqualTo(b) ? [a, b] : [b, a];
  return {
    input: formatInputRef(input.ref),
    low: low.toFixed(),
    likely: value.toFixed(),
    high: high.toFixed(),
  };
}

/** The largest seed (seeds are unsigned 32-bit whole numbers). */
export const MAX_SEED = 4_294_967_295;

/** A fresh seed: any unsigned 32-bit number (this picks a distribution, it guards no secret). */
export function newSeed(): string {
  return String(Math.floor(Math.random() * (MAX_SEED + 1)));
}

/** The uncertainty settings a scenario gets with its first range. */
export function newUncertainty(): UncertaintyDoc {
  return { seed: newSeed(), samples: ANALYSIS_DEFAULTS.samples, ranges: [] };
}

/**
 * The unit a range's values are written in, as the scenario stores them: money in the scenario's
 * currency, shares as fractions (0.6 is 60%).
 */
export function rangeUnit(unit: FieldUnit, currency: string): string {
  switch (unit) {
    case 'money':
      return currency;
    case 'share':
      return 'fraction (0.6 = 60%)';
    case 'tokensPerDay':
      return 'tokens/day';
    case 'tokensPerSec':
      return 'tokens/s';
    case 'fte':
      return 'FTE';
    case 'months':
      return 'months';
    case 'kw':
      return 'kW';
    case 'count':
      return 'whole number';
    case 'ratio':
      return '×';
    default:
      return '';
  }
}

/**
 * Typed number text as the scenario stores it: spaces and the locale's thousands grouping
 * ("150,000,000") dropped, the locale's decimal mark made a point. Anything else is passed
 * through unchanged, so validation names the problem.
 */
export function numberFromText(typed: string, locale?: string): string {
  const parts = numberFormat(locale, {}).formatToParts(1234567.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  let text = typed.trim().replace(/[\s\u00a0\u202f_]/g, '');
  if (!/\s/.test(group) && group !== '') {
    const g = escapeRegExp(group);
    const d = escapeRegExp(decimal);
    if (new RegExp(`^[+-]?\\d{1,3}(${g}\\d{3})+(${d}\\d*)?$`).test(text)) {
      text = text.split(group).join('');
    }
  }
  if (decimal !== '.' && !text.includes('.')) text = text.replace(decimal, '.');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text) ? text : typed;
}

/** Stored number text for a field: grouped ("150,000,000") when it is a plain decimal. */
export function numberToText(stored: string, locale?: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(stored)) return stored;
  return numberFormat(locale, { maximumFractionDigits: 20 }).format(
    stored as Intl.StringNumericLiteral,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The Monte Carlo job for a valid document (the store's `validDoc`), or null when it has no
 * ranges to draw or no strategy to compare. The scenario goes without its analysis section
 * (`scenarioPart`), so the parameters of an unchanged scenario keep their identity.
 */
export function monteCarloParams(
  validDoc: ScenarioDoc,
  strategyId: string | null,
): MonteCarloParams | null {
  const u = validDoc.analysis?.uncertainty;
  if (!u || u.ranges.length === 0 || strategyId === null) return null;
  return {
    doc: scenarioPart(validDoc),
    strategyId,
    ranges: u.ranges,
    seed: Number(u.seed),
    samples: Number(u.samples),
  };
}

/** Whether a result computed for `a` answers `b`: the same scenario, strategy, ranges and seed. */
export function sameMonteCarloParams(a: MonteCarloParams, b: MonteCarloParams): boolean {
  return (
    a.doc === b.doc &&
    a.strategyId === b.strategyId &&
    a.seed === b.seed &&
    a.samples === b.samples &&
    a.ranges.length === b.ranges.length &&
    a.ranges.every((r, i) => {
      const o = b.ranges[i];
      return (
        o !== undefined &&
        r.input === o.input &&
        sameNumber(r.low, o.low) &&
        sameNumber(r.likely, o.likely) &&
        sameNumber(r.high, o.high)
      );
    })
  );
}

function sameNumber(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return new Dec(a).equals(new Dec(b));
  } catch {
    return false;
  }
}
