/**
 * The public core API (DESIGN section 4): the one entry point tests and tools use.
 *
 * @example
 * const r = evaluateScenario(JSON.parse(text));
 * if (r.ok) console.log(r.result.strategies[1]?.vsBaseline?.breakEven);
 */
import { evaluateModel } from './core/evaluate';
import type { ScenarioResult } from './core/result';
import { validateScenario } from './scenario/validate-scenario';
import type { ValidationError } from './scenario/validation-error';

export type { ScenarioResult, StrategyResult, BreakEvenResult } from './core/result';
export type { ValidationError } from './scenario/validation-error';

export type EvaluateResult =
  { ok: true; result: ScenarioResult } | { ok: false; errors: ValidationError[] };

/** Validates `input` as a v1 scenario and evaluates it. Never throws. */
export function evaluateScenario(input: unknown): EvaluateResult {
  const validated = validateScenario(input);
  if (!validated.ok) return validated;
  try {
    return { ok: true, result: evaluateModel(validated.scenario) };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'unknown error';
    return { ok: false, errors: [{ path: '', message: `could not be evaluated: ${message}` }] };
  }
}
