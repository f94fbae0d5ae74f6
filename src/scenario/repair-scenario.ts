import type { ScenarioDoc } from './document';
import { getAt, setAt } from './doc-path';
import type { CatalogRef } from './presets';
import { validateScenario } from './validate-scenario';
import type { ValidationError } from './validation-error';

/**
 * What reading a scenario from outside the app gives (a share link, a file): nothing, a valid
 * scenario, a scenario whose invalid fields were reset, or an error that says what was wrong.
 * One type for every reader, so the app shows the same notice whatever the source
 * (DESIGN section 5: a damaged input never crashes the app and never silently replaces work).
 */
export type ScenarioReadResult =
  | { kind: 'empty' }
  | { kind: 'ok'; doc: ScenarioDoc; catalogRefs: Record<string, CatalogRef> }
  /** The input was readable but some fields were invalid: they were reset to the fallback's values. */
  | {
      kind: 'repaired';
      doc: ScenarioDoc;
      catalogRefs: Record<string, CatalogRef>;
      problems: ValidationError[];
    }
  | { kind: 'error'; message: string; problems: ValidationError[] };

export type RepairResult =
  | { kind: 'ok'; doc: ScenarioDoc }
  /** `problems` lists what the input got wrong; each field named there holds the fallback's value. */
  | { kind: 'repaired'; doc: ScenarioDoc; problems: ValidationError[] }
  /** Still invalid after the reset (a missing list, a broken reference with no counterpart...). */
  | { kind: 'invalid'; problems: ValidationError[] };

/**
 * Accepts a valid scenario as is. Otherwise resets each invalid field that has a counterpart in
 * `fallback` (same path, and a plain value there, not an object or list) and validates again, so
 * one bad number does not cost the whole scenario. Never throws.
 *
 * @example
 * const r = validateOrRepair({ ...doc, workloads: [{ ...w, inputShare: '7' }] }, doc);
 * // r.kind === 'repaired', r.problems[0].path === 'workloads[0].inputShare'
 */
export function validateOrRepair(input: unknown, fallback: ScenarioDoc): RepairResult {
  const first = validateScenario(input);
  if (first.ok) return { kind: 'ok', doc: first.document };
  let repaired = input;
  const problems = first.errors;
  for (const problem of problems) {
    const path = parsePath(problem.path);
    if (path.length === 0) continue;
    const replacement = getAt(fallback, path);
    if (replacement === undefined || typeof replacement === 'object') continue;
    repaired = setAt(repaired, path, replacement);
  }
  const second = validateScenario(repaired);
  if (second.ok) return { kind: 'repaired', doc: second.document, problems };
  return { kind: 'invalid', problems };
}

/**
 * The inverse of `formatPath` (validation-error.ts): `workloads[0].inputShare` ->
 * `['workloads', 0, 'inputShare']`. The empty path (the whole scenario) gives `[]`.
 */
export function parsePath(text: string): (string | number)[] {
  const parts: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined) parts.push(m[1]);
    else if (m[2] !== undefined) parts.push(Number(m[2]));
  }
  return parts;
}
