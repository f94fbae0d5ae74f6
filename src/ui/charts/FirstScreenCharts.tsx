import { useId, useMemo } from 'react';
import type { Scenario } from '../../core/model';
import type { ScenarioResult } from '../../core/result';
import type { CostCurve } from '../../core/cost-curve';
import { toCostCurveData } from './chart-data';
import { summarizeBreakdown, summarizeCostCurve, summarizeCumulative } from './chart-summaries';
import { CostCurveChart } from './CostCurveChart';
import { ALL_CHARTS, CHART_TITLES } from './chart-ids';
import type { ChartId } from './chart-ids';

/**
 * What the charts area shows before the first interaction: the main chart (plain SVG, the same
 * component the full charts panel shows) and the text summaries of all three charts (the same
 * words the recharts charts carry).
 */
export function FirstScreenCharts({
  model,
  result,
  curves,
  currency,
  charts = ALL_CHARTS,
}: {
  model: Scenario;
  result: ScenarioResult;
  /** The strategies' cost curves as the evaluation built them (rebuilt from the model if absent). */
  curves?: readonly CostCurve[] | undefined;
  currency: string;
  charts?: readonly ChartId[];
}) {
  const id = useId();
  const curve = useMemo(() => toCostCurveData(model, result, curves), [model, result, curves]);
  return (
    <div className="charts">
      {charts.includes('cost') && (
        <figure className="chart" aria-labelledby={`${id}-cost`}>
          <figcaption id={`${id}-cost`}>{CHART_TITLES.cost}</figcaption>
          <CostCurveChart curve={curve} currency={currency} />
          <p className="chart-summary">{summarizeCostCurve(curve, result, currency)}</p>
        </figure>
      )}
      {charts.includes('breakdown') && (
        <p className="chart-summary">
          <strong>Cost by part:</strong> {summarizeBreakdown(result, currency)}
        </p>
      )}
      {charts.includes('cumulative') && (
        <p className="chart-summary">
          <strong>Over the horizon:</strong> {summarizeCumulative(result, currency)}
        </p>
      )}
    </div>
  );
}

export default FirstScreenCharts;
