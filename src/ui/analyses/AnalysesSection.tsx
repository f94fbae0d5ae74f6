import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useCalculator } from '../../state/store-context';
import { useEvaluation } from '../evaluation-context';
import { GoalSeekPanel } from './GoalSeekPanel';
import { SensitivityPanel } from './SensitivityPanel';
import './analyses.css';

/**
 * The analyses of issue 6 for one strategy against the baseline: which inputs matter most
 * (sensitivity) and what value of one input makes the two cost the same (goal seek). Loaded
 * lazily (default export) for scenarios with at least two strategies; the work runs in a worker.
 *
 * The strategy and the swing are kept here for now (the scenario format will carry them).
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
  const { model: currentModel } = useEvaluation();
  // The document behind `model` (both follow the last valid inputs).
  const currentDoc = useCalculator((s) => s.validDoc);
  const current = useMemo(
    () => ({ model: currentModel, doc: currentDoc }),
    [currentModel, currentDoc],
  );
  // Rendered in the background after each change, so typing in a field never waits on these
  // panels (the analyses themselves run in the worker).
  const { model, doc } = useDeferredValue(current);
  const headingId = useId();
  const pickerId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [baseline, ...others] = model.strategies;
  const strategy = others.find((s) => s.id === chosen) ?? others[0];
  if (!baseline || !strategy) return null;
  const optional = {
    ...(chartWidth === undefined ? {} : { chartWidth }),
    ...(locale === undefined ? {} : { locale }),
  };

  return (
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
              onChange={(e) => setChosen(e.currentTarget.value)}
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
            <strong>{strategy.name}</strong> against the baseline, <strong>{baseline.name}</strong>.
          </p>
        )}
      </div>
      <SensitivityPanel
        doc={doc}
        strategyId={strategy.id}
        strategyName={strategy.name}
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
  );
}

export default AnalysesSection;
