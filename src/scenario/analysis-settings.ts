import { Dec } from '../core/decimal';
import { parseInputRef } from '../core/input-refs';
import type { UncertaintyRange } from '../core/monte-carlo';
import { ANALYSIS_DEFAULTS } from './analysis-schema';
import { ANALYSIS_ERRORS } from './analysis-check';
import type { ScenarioDoc } from './document';
import { dropOptionalParts } from './repair-scenario';
import { validateScenario } from './validate-scenario';
import type { ValidationError } from './validation-error';

/**
 * The `analysis` section of a document (analysis-schema.ts) as the analyses take it: defaults
 * applied, numbers as decimals and input references parsed.
 */
export type AnalysisSettings = {
  /** The strategy compared with the baseline: the one named, else the second; null with one strategy. */
  strategyId: string | null;
  /** The sensitivity swing, a fraction in (0, 1]. */
  swing: Dec;
  uncertainty: { seed: number; samples: number; ranges: UncertaintyRange[] } | null;
};

/**
 * Reads the analysis settings of a valid document (one `validateScenario` accepted); anything
 * left out takes its default.
 *
 * @example readAnalysisSettings(doc).swing.toFixed() // '0.2' when the document has no analysis
 */
export function readAnalysisSettings(doc: ScenarioDoc): AnalysisSettings {
  const a = doc.analysis;
  const named = a?.strategyId;
  const strategyId =
    named !== undefined && doc.strategies.slice(1).some((s) => s.id === named)
      ? named
      : (doc.strategies[1]?.id ?? null);
  const u = a?.uncertainty;
  return {
    strategyId,
    swing: new Dec(a?.swing ?? ANALYSIS_DEFAULTS.swing),
    uncertainty: u
      ? {
          seed: Number(u.seed),
          samples: Number(u.samples),
          ranges: u.ranges.flatMap((r): UncertaintyRange[] => {
            const parsed = parseInputRef(r.input);
            if (!parsed.ok) return [];
            return [
              {
                ref: parsed.ref,
                low: new Dec(r.low),
                likely: new Dec(r.likely),
                high: new Dec(r.high),
              },
            ];
          }),
        }
      : null,
  };
}

/**
 * After an edit that removes or changes what the analysis section points at (removing an option,
 * a workload or a strategy, reordering strategies, changing a GPU pricing mode or staff tiers):
 * the same document without the references that no longer hold (the strategy analysed, ranges of
 * inputs that no longer exist), and what was dropped, with the reason. Values out of bounds are
 * left for the user to correct (they are field errors, not stale references). A document with
 * nothing stale comes back as the very same object.
 */
export function pruneAnalysis(doc: ScenarioDoc): { doc: ScenarioDoc; dropped: ValidationError[] } {
  if (!doc.analysis) return { doc, dropped: [] };
  const v = validateScenario(doc);
  if (v.ok) return { doc, dropped: [] };
  const stale = v.errors.filter(isStaleReference);
  if (stale.length === 0) return { doc, dropped: [] };
  const dropped = dropOptionalParts(doc, stale);
  return { doc: dropped.input as ScenarioDoc, dropped: dropped.problems };
}

const STALE_ENDINGS = [ANALYSIS_ERRORS.noInput, ANALYSIS_ERRORS.baseline];

/** A problem of the analysis section that a structural edit causes, not a value being typed. */
function isStaleReference(error: ValidationError): boolean {
  if (error.path === 'analysis.strategyId') {
    return (
      error.message.startsWith(ANALYSIS_ERRORS.unknownStrategy) ||
      error.message.endsWith(ANALYSIS_ERRORS.baseline)
    );
  }
  return (
    /^analysis\.uncertainty\.ranges\[\d+\]\.input$/.test(error.path) &&
    STALE_ENDINGS.some((end) => error.message.endsWith(end))
  );
}
