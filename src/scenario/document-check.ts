import * as v from 'valibot';
import { pruneAnalysis } from './analysis-settings';
import type { ScenarioDoc } from './document';
import type { DocPath } from './doc-path';
import { SETTINGS_BOUNDS, WORKLOAD_BOUNDS } from '../core/input-bounds';
import { optionSchema, settingsSchema, workloadSchema } from './scenario-schema';
import { validateDocument } from './validate-scenario';
import type { ValidationResult } from './validate-scenario';

/** An edit of one field of a document that was valid: the document before it and the path. */
export type FieldEdit = { from: ScenarioDoc; path: DocPath };

/**
 * What the store runs on every edited document: validate, and where that fails, drop the
 * analysis settings' references that a structural edit left pointing at nothing (a removed
 * option's uncertainty ranges, a removed strategy; analysis-settings.ts) and validate again. The
 * document that comes back is the one to keep (the same object when nothing was stale).
 *
 * `edit`, when the document is a valid one with one field changed, lets a number of a workload,
 * an option or the settings be checked on its own object: no other part of a valid document
 * depends on it (ids, routes, staff tiers and the analysis settings are checked elsewhere and are
 * not such fields), so the verdict is the whole document's, for a fraction of its cost (a slider
 * move on 50 workloads x 30 options). Anything else, or a value that fails, takes the full
 * validation (and its messages).
 */
export function checkDocument(
  doc: ScenarioDoc,
  edit?: FieldEdit,
): { doc: ScenarioDoc; result: ValidationResult } {
  if (edit && editedPartIsValid(doc, edit)) return { doc, result: validLater(doc) };
  const result = validateDocument(doc);
  // Only an invalid document with analysis settings can hold stale references.
  if (result.ok || !doc.analysis) return { doc, result };
  const pruned = pruneAnalysis(doc).doc;
  return pruned === doc ? { doc, result } : { doc: pruned, result: validateDocument(pruned) };
}

// The numbers of a workload and of the settings: the fields their bounds are defined for.
const WORKLOAD_NUMBERS = new Set(Object.keys(WORKLOAD_BOUNDS));
const SETTINGS_NUMBERS = new Set(Object.keys(SETTINGS_BOUNDS));
/** Option fields that other parts refer to or that are checked across entries. */
const OPTION_STRUCTURE = new Set(['kind', 'id', 'engineeringFte', 'gpu']);
const GPU_STRUCTURE = new Set(['mode']);

/** The part of the document an edit at `path` belongs to, with its schema, if it is a number. */
function editedPart(
  doc: ScenarioDoc,
  path: DocPath,
): { schema: v.GenericSchema; value: unknown } | null {
  const [list, index, field, sub, ...rest] = path;
  if (list === 'settings' && typeof index === 'string' && SETTINGS_NUMBERS.has(index)) {
    return field === undefined ? { schema: settingsSchema, value: doc.settings } : null;
  }
  if (typeof index !== 'number' || typeof field !== 'string') return null;
  if (list === 'workloads' && WORKLOAD_NUMBERS.has(field) && sub === undefined) {
    return { schema: workloadSchema, value: doc.workloads[index] };
  }
  if (list !== 'options') return null;
  const option = doc.options[index];
  if (field === 'gpu') {
    const gpuField = typeof sub === 'string' && !GPU_STRUCTURE.has(sub) && rest.length === 0;
    return gpuField ? { schema: optionSchema, value: option } : null;
  }
  return !OPTION_STRUCTURE.has(field) && sub === undefined
    ? { schema: optionSchema, value: option }
    : null;
}

function editedPartIsValid(doc: ScenarioDoc, { from, path }: FieldEdit): boolean {
  // The rest of the document must be the valid document's own parts, untouched.
  if (!sameExceptAt(from, doc, path)) return false;
  const part = editedPart(doc, path);
  return part !== null && v.safeParse(part.schema, part.value).success;
}

/** Whether `b` is `a` with only the objects along `path` replaced (what `setAt` does). */
function sameExceptAt(a: unknown, b: unknown, path: DocPath): boolean {
  if (path.length === 0) return true;
  if (a === b || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  const [key, ...rest] = path;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (Array.isArray(a) !== Array.isArray(b) || ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of ka) {
    if (String(k) === String(key)) continue;
    if (ra[k] !== rb[k]) return false;
  }
  return String(key) in rb && sameExceptAt(ra[String(key)], rb[String(key)], rest);
}

/** A valid verdict whose model and canonical document are built (by full validation) if asked. */
function validLater(doc: ScenarioDoc): ValidationResult {
  const full = () => {
    const result = validateDocument(doc);
    if (!result.ok) throw new Error('a document checked by its edited part failed validation');
    return result;
  };
  return {
    ok: true,
    get scenario() {
      return full().scenario;
    },
    get document() {
      return full().document;
    },
  };
}
