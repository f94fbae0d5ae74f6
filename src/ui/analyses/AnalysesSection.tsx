import { useDeferredValue, useId, useMemo } from 'react';
import { readAnalysisSettings } from '../../scenario/analysis-settings';
import { useCalculator, useCalculatorStore } from '../../state/store-context';
import { useEvaluation } from '../evaluation-context';
import { GoalSeekPanel } from './GoalSeekPanel';
import { SensitivityPanel } from './SensitivityPanel';
import { UncertaintyPanel } from './UncertaintyPanel';
import { scenarioPart } from '../../scenario/scenario-part';
import { withAnalysis } from './analysis-edits';
import './analyses.css';

/**
 * The analyses of issue 6 for one strategy against the baseline: which inputs matter most
 * (sensitivity), what value of one input makes the two cost the same (goal seek) and how likely
 * the strategy is to be cheaper when inputs are uncertain (Monte Carlo). Loaded lazily (default
 * export) for scenarios with at least two strategies; the work runs in a worker.
 *
 * The strategy analysed, the swing and the uncertainty ranges are part of the scenario
 * (`analysis`), so a shared link or a file reproduces the analysis; each change is one undo step.
 */
export function AnalysesSection({
  currency,
  exportable = true,
  chartWidth,
  locale,
}: {
  currency: string;
  exportable?: boolean;
  /** Fixed chart width for tests. */
  chartWidth?: number;
  locale?: string;
}) {
  const store = useCalculatorStore();
  const { model: currentModel } = useEvaluation();
  // The document behind `model` (both follow the last valid inputs).
  const currentDoc = useCalculator((s) => s.validDoc);
  const current = useMemo(
    () => ({ model: currentModel, doc: currentDoc }),
    [currentModel, currentDoc],
  );
  // Rendered in the background after each change, so typing in a field never waits on these
  // panels (the analyses themselves run in the worker).
  const { model, doc: fullDoc } = useDeferredValue(current);
  // Without the analysis section: editing the swing or a range changes none of the analyses'
  // scenario, so none of them re-runs or goes stale for it.
  const doc = scenarioPart(fullDoc);
  const settings = useMemo(() => readAnalysisSettings(fullDoc), [fullDoc]);
  const headingId = useId();
  const pickerId = useId();
  const [baseline, ...others] = model.strategies;
  const strategy = others.find((s) => s.id === settings.strategyId) ?? others[0];
  if (!baseline || !strategy) return null;
  const optional = {
    ...(chartWidth === undefined ? {} : { chartWidth }),
    ...(locale === undefined ? {} : { locale }),
  };
  const choose = (strategyId: string) =>
    store.getState().edit((d) => withAnalysis(d, { strategyId }));

  return (
    <>
      <section className="analyses" aria-labelledby={headingId}>
        <h2 id={headingId}>Sensitivity and goal seek</h2>
        <div className="analysis-strategy">
          {others.length > 1 ? (
            <>
              <label htmlFor={pickerId}>
                Strategy to analyse against the baseline, {baseline.name}
              </label>
              <select
                id={pickerId}
                value={strategy.id}
                onChange={(e) => choose(e.currentTarget.value)}
              >
                {others.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </>
          ) : (
            <p>
              <strong>{strategy.name}</strong> against the baseline,{' '}
              <strong>{baseline.name}</strong>.
            </p>
          )}
        </div>
        <SensitivityPanel
          doc={doc}
          strategyId={strategy.id}
          strategyName={strategy.name}
          swing={settings.swing.toFixed()}
          currency={currency}
          exportable={exportable}
          {...optional}
        />
        <GoalSeekPanel
          doc={doc}
          model={model}
          strategyId={strategy.id}
          strategyName={strategy.name}
          baselineName={baseline.name}
          currency={currency}
          {...(locale === undefined ? {} : { locale })}
        />
      </section>
      <UncertaintyPanel
        strategyName={strategy.name}
        baselineName={baseline.name}
        chosenAbove={others.length > 1}
        currency={currency}
        exportable={exportable}
        {...optional}
      />
    </>
  );
}

export default AnalysesSection;
