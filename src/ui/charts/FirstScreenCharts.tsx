import { useId, useMemo } from 'react';
import type { Scenario } from '../../core/model';
import type { ScenarioResult } from '../../core/result';
import { toCostCurveData } from './chart-data';
import { summarizeBreakdown, summarizeCostCurve, summarizeCumulative } from './chart-summaries';
import { StaticCostChart } from './StaticCostChart';
import { ALL_CHARTS, CHART_TITLES } from './chart-ids';
import type { ChartId } from './chart-ids';

/**
 * What the charts area shows before the first interaction: the main chart as plain SVG and the
 * text summaries of all three charts (the same words the interactive charts carry).
 */
export function FirstScreenCharts({
  model,
  result,
  currency,
  charts = ALL_CHARTS,
}: {
  model: Scenario;
  result: ScenarioResult;
  currency: string;
  charts?: readonly ChartId[];
}) {
  const id = useId();
  const curve = useMemo(() => toCostCurveData(model, result), [model, result]);
  return (
    <div className="charts">
      {charts.includes('cost') && (
        <figure className="chart" aria-labelledby={`${id}-cost`}>
          <figcaption id={`${id}-cost`}>{CHART_TITLES.cost}</figcaption>
          <StaticCostChart curve={curve} currency={currency} />
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
