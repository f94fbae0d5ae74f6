import { pruneAnalysis } from './analysis-settings';
import type { ScenarioDoc } from './document';
import { validateDocument } from './validate-scenario';
import type { ValidationResult } from './validate-scenario';

/**
 * What the store runs on every edited document: validate, and where that fails, drop the
 * analysis settings' references that a structural edit left pointing at nothing (a removed
 * option's uncertainty ranges, a removed strategy; analysis-settings.ts) and validate again. The document that comes back is the
 * one to keep (the same object when nothing was stale).
 */
export function checkDocument(doc: ScenarioDoc): { doc: ScenarioDoc; result: ValidationResult } {
  const result = validateDocument(doc);
  // Only an invalid document with analysis settings can hold stale references.
  if (result.ok || !doc.analysis) return { doc, result };
  const pruned = pruneAnalysis(doc).doc;
  return pruned === doc ? { doc, result } : { doc: pruned, result: validateDocument(pruned) };
}
