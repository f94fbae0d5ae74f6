import type { Dec } from '../core/decimal';
import { clampToBounds, describeInput, formatInputRef, parseInputRef } from '../core/input-refs';
import type { Scenario } from '../core/model';
import type { ParsedAnalysis } from './analysis-schema';
import type { ValidationError } from './validation-error';

/**
 * The rules between the `analysis` section (analysis-schema.ts) and the rest of the scenario:
 * the strategy analysed exists and is not the baseline, and each uncertainty range names an input
 * this scenario has (only once), with low <= likely <= high, each within that input's bounds (the
 * bounds validation and the analyses share, src/core/input-bounds.ts). Messages name the path, as
 * `analysis.uncertainty.ranges[3].input`.
 */

export const ANALYSIS_ERRORS = {
  unknownStrategy: 'no strategy has the id',
  baseline:
    'is the baseline (the first strategy), which the analyses compare every other strategy with: choose another strategy',
  noInput:
    'is not an input of this scenario (was its option or workload removed, or its GPU pricing mode changed?)',
  duplicate: 'already has a range, at',
  order: 'must be in order: low <= likely <= high',
  whole: 'must be a whole number',
} as const;

const RANGES_PATH = 'analysis.uncertainty.ranges';

export function checkAnalysis(
  analysis: ParsedAnalysis | undefined,
  scenario: Scenario,
): ValidationError[] {
  if (!analysis) return [];
  const errors: ValidationError[] = [];
  const id = analysis.strategyId;
  if (id !== undefined) {
    const at = scenario.strategies.findIndex((s) => s.id === id);
    if (at < 0) {
      errors.push({
        path: 'analysis.strategyId',
        message: `${ANALYSIS_ERRORS.unknownStrategy} "${id}"`,
      });
    } else if (at === 0) {
      errors.push({ path: 'analysis.strategyId', message: `"${id}" ${ANALYSIS_ERRORS.baseline}` });
    }
  }
  const seen = new Map<string, number>();
  analysis.uncertainty?.ranges.forEach((range, i) => {
    const path = `${RANGES_PATH}[${i}]`;
    const parsed = parseInputRef(range.input);
    if (!parsed.ok) {
      errors.push({ path: `${path}.input`, message: parsed.error });
      return;
    }
    const input = describeInput(scenario, parsed.ref);
    if (!input) {
      errors.push({
        path: `${path}.input`,
        message: `"${shorten(range.input)}" ${ANALYSIS_ERRORS.noInput}`,
      });
      return;
    }
    const key = formatInputRef(parsed.ref);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        path: `${path}.input`,
        message: `"${shorten(key)}" ${ANALYSIS_ERRORS.duplicate} ${RANGES_PATH}[${first}]`,
      });
      return;
    }
    seen.set(key, i);
    let inBounds = true;
    for (const end of ['low', 'likely', 'high'] as const) {
      const problem = boundsProblem(range[end], input.bounds);
      if (problem !== null) {
        inBounds = false;
        errors.push({
          path: `${path}.${end}`,
          message: `${problem} (the bounds of the ${input.label})`,
        });
      }
    }
    if (inBounds && (range.low.greaterThan(range.likely) || range.likely.greaterThan(range.high))) {
      errors.push({
        path,
        message: `low ${shorten(range.low.toFixed(), 40)}, likely ${shorten(range.likely.toFixed(), 40)} and high ${shorten(range.high.toFixed(), 40)} ${ANALYSIS_ERRORS.order}`,
      });
    }
  });
  return errors;
}

/** Why a value is not a valid value of an input, or null when it is. */
function boundsProblem(value: Dec, bounds: Parameters<typeof clampToBounds>[1]): string | null {
  const { value: valid, reason } = clampToBounds(value, bounds);
  if (reason === null || valid.equals(value)) return null;
  if (bounds.integer && !value.isInteger()) return ANALYSIS_ERRORS.whole;
  return reason;
}

function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
