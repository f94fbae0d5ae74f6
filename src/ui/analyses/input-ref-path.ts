import type { InputRef } from '../../core/input-refs';
import type { ScenarioDoc } from '../../scenario/document';
import type { DocPath } from '../../scenario/doc-path';
import { getAt, setAt } from '../../scenario/doc-path';

/**
 * Where an input (`InputRef`: by id, never by position) sits in a scenario document, so a value
 * an analysis found can be written into the store. Null when the document has no such input
 * (the workload or option was removed since).
 *
 * @example docPathOf(doc, { scope: 'option', id: 'llama', field: 'gpu.hourlyPerGpu' })
 * // ['options', 1, 'gpu', 'hourlyPerGpu']
 */
export function docPathOf(doc: ScenarioDoc, ref: InputRef): DocPath | null {
  if (ref.scope === 'settings') return ['settings', ref.field];
  if (ref.scope === 'workload') {
    const index = doc.workloads.findIndex((w) => w.id === ref.id);
    return index < 0 ? null : ['workloads', index, ref.field];
  }
  const index = doc.options.findIndex((o) => o.id === ref.id);
  if (index < 0) return null;
  const parts = ref.field.split('.');
  const [head, second, third] = parts;
  if (head === 'gpu' && second !== undefined && parts.length === 2) {
    return ['options', index, 'gpu', second];
  }
  if (head === 'engineeringFte' && second !== undefined && third !== undefined) {
    return ['options', index, 'engineeringFte', Number(second), third];
  }
  return ['options', index, ref.field];
}

/**
 * The document with every value set (exact decimal strings, as the analyses give them), or null
 * if one of the inputs is no longer there: a partial change would be worse than none. The same
 * document when every value is already what it holds.
 */
export function withInputValues(
  doc: ScenarioDoc,
  values: readonly { ref: InputRef; value: string }[],
): ScenarioDoc | null {
  let next = doc;
  for (const { ref, value } of values) {
    const path = docPathOf(doc, ref);
    if (!path) return null;
    if (getAt(next, path) !== value) next = setAt(next, path, value);
  }
  return next;
}
