import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { onFirstInteraction } from '../../platform/first-interaction';
import { useEvaluation } from '../evaluation-context';
import { useValueWhenSeen } from '../use-value-when-seen';
import { useCalculator } from '../../state/store-context';
import { ALL_CHARTS } from './chart-ids';
import type { ChartId } from './chart-ids';

// The charts (and recharts) load after the headline numbers (STYLE pitfall 7).
const ChartsPanel = lazy(() => import('./ChartsPanel'));
// The first screen's plain-SVG chart is a small chunk of its own, requested as soon as this
// module runs (in parallel with the first render), so the headline never waits for it.
const firstScreen = import('./FirstScreenCharts');
const FirstScreenCharts = lazy(() => firstScreen);

/**
 * The charts area. The first screen draws the main chart as plain SVG; recharts (tooltips,
 * legend, the other two charts) loads on the first interaction, keeping the initial main-thread
 * work small.
 */
export function Charts({
  currency,
  charts = ALL_CHARTS,
  exportable = false,
}: {
  currency: string;
  charts?: readonly ChartId[];
  /** Offer a PNG of each chart (the full calculator, not an embed). */
  exportable?: boolean;
}) {
  const section = useRef<HTMLElement>(null);
  // Out of view, the charts catch up when a drag pauses rather than on every tick.
  const { model, result, curves } = useValueWhenSeen(useEvaluation(), section);
  const name = useCalculator((s) => s.validDoc.name);
  const [interactive, setInteractive] = useState(false);
  useEffect(() => onFirstInteraction(() => setInteractive(true)), []);
  const first = (
    <Suspense fallback={<div className="charts charts-placeholder" />}>
      <FirstScreenCharts
        model={model}
        result={result}
        curves={curves}
        currency={currency}
        charts={charts}
      />
    </Suspense>
  );
  return (
    <section ref={section} className="charts-section" aria-label="Charts">
      {interactive ? (
        <Suspense fallback={first}>
          <ChartsPanel
            model={model}
            result={result}
            curves={curves}
            currency={currency}
            charts={charts}
            exportable={exportable}
            scenarioName={name}
          />
        </Suspense>
      ) : (
        first
      )}
    </section>
  );
}
