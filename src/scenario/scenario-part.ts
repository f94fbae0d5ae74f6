import type { ScenarioDoc } from './document';

/**
 * The analyses compute on the scenario without its `analysis` section (the swing, the ranges and
 * the seed are their parameters, not part of the model). `scenarioPart` gives that document with
 * a stable identity: the same object for as long as every other part of the scenario is the same
 * object (the store copies only what an edit changes), so editing a range or the swing neither
 * re-runs the sensitivity nor marks an uncertainty result as stale. (No imports but types: the
 * results could key on it too without pulling anything into the first download.)
 *
 * @example scenarioPart({ ...doc, analysis: { swing: '0.3' } }) === scenarioPart(doc) // true
 */
export function scenarioPart(doc: ScenarioDoc): ScenarioDoc {
  const known = byDoc.get(doc);
  if (known) return known;
  // Documents that differ only in their analysis share their workloads list (and every other
  // part): the few parts made recently from that list are tried first.
  const recent = byWorkloads.get(doc.workloads) ?? [];
  let part = recent.find((p) => sameExceptAnalysis(p, doc));
  if (!part) {
    const { analysis: _analysis, ...rest } = doc;
    part = rest;
    byWorkloads.set(doc.workloads, [...recent, part].slice(-RECENT));
  }
  byDoc.set(doc, part);
  return part;
}

const RECENT = 8;
const byDoc = new WeakMap<ScenarioDoc, ScenarioDoc>();
const byWorkloads = new WeakMap<object, ScenarioDoc[]>();

/** Whether two documents are the same scenario, their `analysis` sections aside (by identity). */
export function sameExceptAnalysis(a: ScenarioDoc, b: ScenarioDoc): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('analysis');
  for (const key of keys) {
    if (!Object.is(a[key as keyof ScenarioDoc], b[key as keyof ScenarioDoc])) return false;
  }
  return true;
}
