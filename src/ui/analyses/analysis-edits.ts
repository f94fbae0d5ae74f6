import { ANALYSIS_DEFAULTS } from '../../scenario/analysis-schema';
import type { AnalysisDoc, ScenarioDoc, UncertaintyDoc } from '../../scenario/document';

/** Edits of a scenario's `analysis` section (issue 6), as recipes for the store's `edit`. */

/**
 * The document with its analysis section changed by `patch`; a document without the section
 * gets one with the default swing (the only field the format's document form always holds).
 */
export function withAnalysis(doc: ScenarioDoc, patch: Partial<AnalysisDoc>): ScenarioDoc {
  return { ...doc, analysis: { swing: ANALYSIS_DEFAULTS.swing, ...doc.analysis, ...patch } };
}

/** The document with its uncertainty settings changed by `change` (created when absent). */
export function withUncertainty(
  doc: ScenarioDoc,
  change: (u: UncertaintyDoc) => UncertaintyDoc,
  create: () => UncertaintyDoc,
): ScenarioDoc {
  return withAnalysis(doc, { uncertainty: change(doc.analysis?.uncertainty ?? create()) });
}
