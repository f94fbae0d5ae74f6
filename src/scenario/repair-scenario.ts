import type { ScenarioDoc } from './document';
import { getAt, setAt } from './doc-path';
import type { DocPath } from './doc-path';
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
 * one bad number does not cost the whole scenario. A problem in an optional section (`fx`,
 * `analysis`) drops the part it concerns instead (an uncertainty range whose input no longer
 * exists, the exchange rate, an analysis setting, which then takes its default), and says so in
 * its message. Never throws.
 *
 * @example
 * const r = validateOrRepair({ ...doc, workloads: [{ ...w, inputShare: '7' }] }, doc);
 * // r.kind === 'repaired', r.problems[0].path === 'workloads[0].inputShare'
 */
export function validateOrRepair(input: unknown, fallback: ScenarioDoc): RepairResult {
  const first = validateScenario(input);
  if (first.ok) return { kind: 'ok', doc: first.document };
  const problems: ValidationError[] = [];
  let repaired = repairOnce(input, first.errors, fallback, problems);
  let second = validateScenario(repaired);
  // Resetting a field can reveal a problem of an optional section only now (a range's bounds
  // depend on the values around it), and an object with unknown fields reports one at a time:
  // while only optional parts are wrong, drop them, a few rounds, then those sections whole.
  const onlyOptional = (errors: readonly ValidationError[]) =>
    errors.every((e) => dropTarget(parsePath(e.path)) !== null);
  for (
    let round = 0;
    !second.ok && round < OPTIONAL_ROUNDS && onlyOptional(second.errors);
    round++
  ) {
    repaired = repairOnce(repaired, second.errors, fallback, problems);
    second = validateScenario(repaired);
  }
  if (!second.ok && onlyOptional(second.errors)) {
    const sections = [...new Set(second.errors.map((e) => String(parsePath(e.path)[0])))];
    for (const section of sections) {
      repaired = removeAt(repaired, [section]);
      problems.push({
        path: section,
        message: `still had problems; ${section === 'fx' ? DROP_NOTES.fx : DROP_NOTES.analysis}`,
      });
    }
    second = validateScenario(repaired);
  }
  if (second.ok) return { kind: 'repaired', doc: second.document, problems };
  return { kind: 'invalid', problems };
}

function repairOnce(
  input: unknown,
  errors: readonly ValidationError[],
  fallback: ScenarioDoc,
  problems: ValidationError[],
): unknown {
  const optional = dropOptionalParts(input, errors);
  problems.push(...optional.problems);
  let repaired = optional.input;
  for (const problem of optional.rest) {
    problems.push(problem);
    const path = parsePath(problem.path);
    if (path.length === 0) continue;
    const replacement = getAt(fallback, path);
    if (replacement === undefined || typeof replacement === 'object') continue;
    repaired = setAt(repaired, path, replacement);
  }
  return repaired;
}

/**
 * Drops the parts of the optional sections (`fx`, `analysis`) that `errors` name (see
 * `dropTarget`). Returns the input without them, those problems with what was dropped added to
 * their message, and the other problems untouched (`rest`).
 */
export function dropOptionalParts(
  input: unknown,
  errors: readonly ValidationError[],
): { input: unknown; problems: ValidationError[]; rest: ValidationError[] } {
  const drops: DocPath[] = [];
  const problems: ValidationError[] = [];
  const rest: ValidationError[] = [];
  for (const problem of errors) {
    const drop = dropTarget(parsePath(problem.path));
    if (drop === null) {
      rest.push(problem);
      continue;
    }
    drops.push(drop.path);
    problems.push({ path: problem.path, message: `${problem.message}; ${drop.note}` });
  }
  return { input: dropAll(input, drops), problems, rest };
}

type Drop = { path: DocPath; note: string };

/** Rounds of dropping parts of optional sections before the sections go whole. */
const OPTIONAL_ROUNDS = 3;

const DROP_NOTES = {
  fx: 'the exchange rate was dropped: state it again to convert catalog values',
  range: 'this range was dropped',
  uncertainty: 'the uncertainty settings were dropped',
  analysis: 'the analysis settings were dropped',
  field: 'it was dropped, so its default applies',
} as const;

/**
 * What to drop for a problem in an optional section, or null for a problem elsewhere: the whole
 * `fx` section; one uncertainty range; the uncertainty settings when their seed is wrong (the
 * distribution cannot be reproduced without it); otherwise the one analysis field (its default
 * applies) or an unknown field.
 */
function dropTarget(path: readonly (string | number)[]): Drop | null {
  const [section, field, sub, index] = path;
  if (section === 'fx') return { path: ['fx'], note: DROP_NOTES.fx };
  if (section !== 'analysis') return null;
  if (field === undefined) return { path: ['analysis'], note: DROP_NOTES.analysis };
  if (field !== 'uncertainty') return { path: ['analysis', field], note: DROP_NOTES.field };
  if (sub === 'ranges' && typeof index === 'number') {
    return { path: ['analysis', 'uncertainty', 'ranges', index], note: DROP_NOTES.range };
  }
  if (sub === undefined || sub === 'seed') {
    return { path: ['analysis', 'uncertainty'], note: DROP_NOTES.uncertainty };
  }
  return { path: ['analysis', 'uncertainty', sub], note: DROP_NOTES.field };
}

/** Removes every path (keys deleted, list items taken out), deepest and last items first. */
function dropAll(root: unknown, paths: readonly DocPath[]): unknown {
  const sorted = [...paths].sort((a, b) => {
    if (a.length !== b.length) return b.length - a.length;
    const x = a[a.length - 1];
    const y = b[b.length - 1];
    return typeof x === 'number' && typeof y === 'number' ? y - x : 0;
  });
  let out = root;
  const done = new Set<string>();
  for (const path of sorted) {
    const key = JSON.stringify(path);
    if (done.has(key)) continue;
    done.add(key);
    out = removeAt(out, path);
  }
  return out;
}

function removeAt(root: unknown, path: DocPath): unknown {
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent = getAt(root, parentPath);
  if (last === undefined || parent === null || typeof parent !== 'object') return root;
  if (Array.isArray(parent)) {
    if (typeof last !== 'number') return root;
    return setAt(
      root,
      parentPath,
      parent.filter((_, i) => i !== last),
    );
  }
  if (!Object.prototype.hasOwnProperty.call(parent, last)) return root;
  const copy = { ...(parent as Record<string, unknown>) };
  delete copy[String(last)];
  return parentPath.length === 0 ? copy : setAt(root, parentPath, copy);
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
