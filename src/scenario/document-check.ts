import { pruneAnalysis } from './analysis-settings';
import type { ScenarioDoc } from './document';
import { validateDocument } from './validate-scenario';
import type { ValidationResult } from './validate-scenario';

/**
 * What the store runs on every edited document: first drop the analysis settings' references
 * that a structural edit left pointing at nothing (a removed option's uncertainty ranges, a
 * removed strategy; analysis-settings.ts), then validate. The document that comes back is the
 * one to keep (the same object when nothing was stale).
 */
export function checkDocument(doc: ScenarioDoc): { doc: ScenarioDoc; result: ValidationResult } {
  const pruned = pruneAnalysis(doc).doc;
  return { doc: pruned, result: validateDocument(pruned) };
}
