import { useId, useMemo } from 'react';
import { ANALYSIS_DEFAULTS } from '../../scenario/analysis-schema';
import { readAnalysisSettings } from '../../scenario/analysis-settings';
import { useCalculator } from '../../state/store-context';
import { useEvaluation } from '../evaluation-context';
import { RunStatus } from './RunStatus';
import { UncertaintyRanges } from './UncertaintyRanges';
import { UncertaintyResults } from './UncertaintyResults';
import { monteCarloParams, sameMonteCarloParams } from './uncertainty-ranges';
import { formatCount, probabilitySentence } from './uncertainty-text';
import { useAnalysisJob } from './use-analysis-job';

/**
 * Uncertainty (issue 6 item 3): ranges (low, likely, high) on any inputs drive a seeded Monte
 * Carlo run of the analysed strategy against the baseline, in the worker. The ranges, the seed
 * and the number of samples are part of the scenario (`analysis.uncertainty`), so a shared link
 * reproduces the same distribution.
 *
 * A run is started explicitly: 10,000 samples take one to a few seconds (far more than a
 * sensitivity run), too much to repeat on every keystroke. A result stays on screen, marked out
 * of date, once anything it depends on changes.
 */
export function UncertaintyPanel({
  strategyName,
  baselineName,
  chosenAbove,
  currency,
  exportable = true,
  chartWidth,
  locale,
}: {
  strategyName: string;
  baselineName: string;
  /** Whether the strategy is picked in the section above (more than one alternative). */
  chosenAbove: boolean;
  currency: string;
  exportable?: boolean;
  /** Fixed chart width for tests. */
  chartWidth?: number;
  locale?: string;
}) {
  const headingId = useId();
  const { model, errorList } = useEvaluation();
  const validDoc = useCalculator((s) => s.validDoc);
  // As edited, possibly with invalid text: what the fields show, and what a result must match.
  const doc = useCalculator((s) => s.doc);
  const uncertainty = doc.analysis?.uncertainty;
  const strategyId = useMemo(() => readAnalysisSettings(validDoc).strategyId, [validDoc]);
  const params = useMemo(() => monteCarloParams(validDoc, strategyId), [validDoc, strategyId]);
  const { state, start, cancel } = useAnalysisJob('monteCarlo');
  const invalid = errorList.length > 0;
  const canRun = params !== null && !invalid;
  const run = () => {
    if (canRun) start(params);
  };
  const last = state.last;
  // Out of date as soon as what is on screen differs (an invalid value included: the result
  // answers the values it ran with, not the ones being typed).
  const shown = useMemo(() => monteCarloParams(doc, strategyId), [doc, strategyId]);
  const stale = last !== null && (shown === null || !sameMonteCarloParams(last.params, shown));
  const samples =
    [shown?.samples, params?.samples].find(
      (n): n is number => n !== undefined && Number.isInteger(n) && n > 0,
    ) ?? Number(ANALYSIS_DEFAULTS.samples);
  // A result names the strategies it was computed for (an out-of-date one may differ).
  const nameOf = (id: string | undefined, fallback: string) =>
    model.strategies.find((s) => s.id === id)?.name ?? fallback;
  const rangeCount = uncertainty?.ranges.length ?? 0;
  const finished =
    state.status === 'done' && last
      ? `The uncertainty run is done. ${probabilitySentence(last.value.summary, nameOf(last.value.strategyId, strategyName), nameOf(last.value.baselineId, baselineName), locale)}`
      : '';
  return (
    <section
      className="analyses-uncertainty"
      aria-labelledby={headingId}
      data-status={state.status}
    >
      <h2 id={headingId}>Uncertainty</h2>
      <p className="analysis-intro">
        How likely is {strategyName} to be cheaper than the baseline, {baselineName}
        {chosenAbove ? ' (the strategy chosen above)' : ''}? Give a range to each input you are
        unsure of: every sample draws each of them from a triangular distribution between low and
        high, most often near likely, independently of the others, and compares the two monthly
        costs and the break-even volume.
      </p>
      <UncertaintyRanges
        uncertainty={uncertainty}
        model={model}
        strategyId={strategyId}
        currency={currency}
        {...(locale === undefined ? {} : { locale })}
      />
      <div className="analysis-controls">
        <button
          type="button"
          className="analysis-run"
          disabled={!canRun || state.status === 'running'}
          aria-describedby={canRun ? undefined : `${headingId}-why`}
          onClick={run}
        >
          {last && !stale ? 'Run again' : `Run ${formatCount(samples, locale)} samples`}
        </button>
      </div>
      {!canRun && (
        <p className="analysis-note" id={`${headingId}-why`}>
          {rangeCount === 0
            ? 'Add a range to at least one input to run.'
            : 'Some values are not valid (see the messages): the run waits until they are fixed.'}
        </p>
      )}
      {/* Said once when a run ends (the progress bar is not read out count by count). */}
      <p className="visually-hidden" role="status">
        {finished}
      </p>
      <RunStatus
        what="uncertainty run"
        unit="samples"
        state={state}
        onCancel={cancel}
        onRunAgain={canRun ? run : null}
        {...(locale === undefined ? {} : { locale })}
      />
      {last && (
        <UncertaintyResults
          result={last.value}
          runner={last.runner}
          stale={stale}
          strategyName={nameOf(last.value.strategyId, strategyName)}
          baselineName={nameOf(last.value.baselineId, baselineName)}
          currency={currency}
          exportable={exportable}
          {...(chartWidth === undefined ? {} : { chartWidth })}
          {...(locale === undefined ? {} : { locale })}
        />
      )}
    </section>
  );
}
