import { memo, useId, useMemo } from 'react';
import type { ReactElement } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Text,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Scenario } from '../../core/model';
import type { ScenarioResult } from '../../core/result';
import type { CostCurve } from '../../core/cost-curve';
import { BREAKDOWN_PARTS, toBreakdownData, toCostCurveData, toCumulativeData } from './chart-data';
import type { BreakdownRow, CumulativeRow } from './chart-data';
import { compactMoney, chartMoney } from './chart-format';
import { summarizeBreakdown, summarizeCostCurve, summarizeCumulative } from './chart-summaries';
import { useSettledValue } from './use-settled-value';
import { legendRoom, markerLabelsFit, seriesColor, seriesDash, seriesWidth } from './chart-style';
import { CostCurveChart } from './CostCurveChart';
import { ALL_CHARTS, CHART_TITLES } from './chart-ids';
import { ChartFigure } from './ChartFigure';
import type { ChartId } from './chart-ids';

type Size = { width: number; height: number };
type Props = {
  model: Scenario;
  result: ScenarioResult;
  /** The strategies' cost curves as the evaluation built them (rebuilt from the model if absent). */
  curves?: readonly CostCurve[] | undefined;
  currency: string;
  /** Fixed chart size for tests (jsdom has no layout); omitted in the app. */
  size?: Size;
  /** Which charts to show (an embed may show only some); all three by default. */
  charts?: readonly ChartId[];
  /** Offer "Save as PNG" on each chart (not in an embed, which may not download). */
  exportable?: boolean;
  /** Names the saved images. */
  scenarioName?: string;
};

/**
 * The three charts, loaded lazily after the headline numbers (STYLE pitfall 7). Each has a text
 * summary for screen readers, formatted tooltips, and no animation (it would replay on every
 * slider move). The cost chart is plain SVG (CostCurveChart, the one the first screen draws):
 * it follows every slider tick, which recharts could not do within a frame with 12 strategies.
 * The other two are recharts, which re-derives its internal state whenever a prop changes
 * identity, so every prop below is either a module constant or memoised (STYLE pitfall 6).
 */
export const ChartsPanel = memo(function ChartsPanel({
  model,
  result,
  curves,
  currency,
  size,
  charts = ALL_CHARTS,
  exportable = false,
  scenarioName = 'scenario',
}: Props) {
  const id = useId();
  // Everything but today's volume keeps its identity during a volume drag (chart-data caches
  // it), so the cost chart redraws only its "today" marker (CostCurveChart memoises the rest).
  const curve = useMemo(() => toCostCurveData(model, result, curves), [model, result, curves]);
  // The cost chart follows every move of a slider; the breakdown and the timeline catch up as
  // soon as the value settles, so a drag re-renders one chart rather than three.
  const settled = useSettledValue(result, size ? 0 : 150);
  const breakdown = useMemo(() => toBreakdownData(settled), [settled]);
  const cumulative = useMemo(() => toCumulativeData(settled), [settled]);
  const names = useMemo(() => settled.strategies.map((s) => s.name), [settled]);
  const paybacks = useMemo(
    () =>
      settled.strategies.flatMap((s, i) =>
        s.vsBaseline?.paybackMonth ? [{ month: s.vsBaseline.paybackMonth, index: i }] : [],
      ),
    [settled],
  );
  // Words for each chart, once per change of what they describe (not on every render).
  const costSummary = useMemo(
    () => summarizeCostCurve(curve, result, currency),
    [curve, result, currency],
  );
  const breakdownSummary = useMemo(
    () => summarizeBreakdown(settled, currency),
    [settled, currency],
  );
  const cumulativeSummary = useMemo(
    () => summarizeCumulative(settled, currency),
    [settled, currency],
  );
  return (
    <div className="charts">
      {charts.includes('cost') && (
        <ChartFigure
          captionId={`${id}-cost`}
          caption={CHART_TITLES.cost}
          fileName={`${scenarioName} cost by volume`}
          exportable={exportable}
          summary={costSummary}
        >
          <CostCurveChart curve={curve} currency={currency} size={size} />
        </ChartFigure>
      )}
      {charts.includes('breakdown') && (
        <ChartFigure
          captionId={`${id}-breakdown`}
          caption={CHART_TITLES.breakdown}
          fileName={`${scenarioName} cost by part`}
          exportable={exportable}
          summary={breakdownSummary}
        >
          <BreakdownChart data={breakdown} currency={currency} size={size} />
        </ChartFigure>
      )}
      {charts.includes('cumulative') && (
        <ChartFigure
          captionId={`${id}-cumulative`}
          caption={CHART_TITLES.cumulative}
          fileName={`${scenarioName} cumulative cost`}
          exportable={exportable}
          summary={cumulativeSummary}
        >
          <CumulativeChart
            data={cumulative}
            names={names}
            paybacks={paybacks}
            currency={currency}
            size={size}
          />
        </ChartFigure>
      )}
    </div>
  );
});

export default ChartsPanel;

const MARGIN = { top: 24, right: 24, bottom: 8, left: 8 };
const BAR_MARGIN = { top: 8, right: 24, bottom: 8, left: 8 };
const TOOLTIP_STYLE = { background: 'var(--surface)', borderColor: 'var(--border)' };
const GRID = <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />;
const color = seriesColor;
/**
 * Colour, dash and width per strategy (chart-style.ts, the same as the first-screen chart); the
 * legend shows the dash too (`legendType="plainline"`). A solid line gets no dash property at all
 * (a dashed line costs recharts a path-length measurement per render).
 */
const lineStyle = (i: number) => {
  const dash = seriesDash(i);
  return {
    stroke: color(i),
    strokeWidth: seriesWidth(i),
    ...(dash ? { strokeDasharray: dash } : {}),
  };
};
/** Legends in strategy order (recharts sorts them by name unless told not to). */
const LEGEND_ORDER = null;
const chartHeight = (legendEntries: number) => 320 + legendRoom(legendEntries);
const PART_COLORS = [
  'var(--part-api)',
  'var(--part-gpu)',
  'var(--part-storage)',
  'var(--part-monitoring)',
  'var(--part-engineering)',
  'var(--part-finetuning)',
];

/** Formatters for one currency, created once per currency. */
function useFormatters(currency: string) {
  return useMemo(
    () => ({
      axisMoney: (v: number) => compactMoney(v, currency),
      money: (v: unknown) => chartMoney(Number(v), currency),
      monthLabel: (v: unknown) => `Month ${String(v)}`,
    }),
    [currency],
  );
}

function Frame({
  size,
  height = 320,
  children,
}: {
  size: Size | undefined;
  height?: number;
  children: ReactElement;
}) {
  return size ? (
    <div style={size}>{children}</div>
  ) : (
    <ResponsiveContainer width="100%" height={height}>
      {children}
    </ResponsiveContainer>
  );
}

const BreakdownChart = memo(function BreakdownChart({
  data,
  currency,
  size,
}: {
  data: BreakdownRow[];
  currency: string;
  size: Size | undefined;
}) {
  const f = useFormatters(currency);
  return (
    <Frame size={size}>
      <BarChart data={data} margin={BAR_MARGIN} {...(size ?? {})}>
        {GRID}
        <XAxis
          dataKey="name"
          stroke="var(--axis)"
          interval={0}
          tick={<WrappedTick />}
          height={48}
        />
        <YAxis tickFormatter={f.axisMoney} stroke="var(--axis)" width={72} />
        <Tooltip formatter={f.money} contentStyle={TOOLTIP_STYLE} />
        <Legend itemSorter={LEGEND_ORDER} />
        {BREAKDOWN_PARTS.map(([key, label], i) => (
          <Bar
            key={key}
            dataKey={key}
            name={label}
            stackId="cost"
            fill={PART_COLORS[i]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </Frame>
  );
});

const CumulativeChart = memo(function CumulativeChart({
  data,
  names,
  paybacks,
  currency,
  size,
}: {
  data: CumulativeRow[];
  names: string[];
  paybacks: { month: number; index: number }[];
  currency: string;
  size: Size | undefined;
}) {
  const f = useFormatters(currency);
  const labels = useMemo(() => {
    const months = Math.max(1, data.length - 1);
    const labelled = markerLabelsFit(paybacks.map((p) => p.month / months));
    const single = paybacks.length === 1;
    return paybacks.map((p) => {
      const stroke = single ? 'var(--accent)' : color(p.index);
      return {
        ...p,
        stroke,
        label: labelled
          ? ({
              value: `payback: month ${p.month}`,
              position: p.month > data.length / 2 ? 'insideTopRight' : 'insideTopLeft',
              fill: stroke,
              fontWeight: 600,
            } as const)
          : undefined,
      };
    });
  }, [paybacks, data.length]);
  // Capex bars (and their legend entries) only for strategies that buy anything.
  const buying = useMemo(
    () => names.map((_, i) => data.some((row) => (row[`s${i}capex`] ?? 0) > 0)),
    [names, data],
  );
  return (
    <Frame size={size} height={chartHeight(names.length + buying.filter(Boolean).length)}>
      <ComposedChart data={data} margin={MARGIN} {...(size ?? {})}>
        {GRID}
        <XAxis dataKey="month" type="number" domain={[0, 'dataMax']} stroke="var(--axis)" />
        <YAxis tickFormatter={f.axisMoney} stroke="var(--axis)" width={72} />
        <Tooltip formatter={f.money} labelFormatter={f.monthLabel} contentStyle={TOOLTIP_STYLE} />
        <Legend itemSorter={LEGEND_ORDER} />
        {names.map((name, i) =>
          buying[i] ? (
            <Bar
              key={`capex-${i}`}
              dataKey={`s${i}capex`}
              name={`${name}: capex`}
              fill={color(i)}
              fillOpacity={0.45}
              isAnimationActive={false}
              legendType="square"
            />
          ) : null,
        )}
        {names.map((name, i) => (
          <Line
            key={`line-${i}`}
            dataKey={`s${i}`}
            name={name}
            {...lineStyle(i)}
            legendType="plainline"
            dot={false}
            isAnimationActive={false}
          />
        ))}
        {labels.map((p) => (
          <ReferenceLine
            key={p.index}
            x={p.month}
            stroke={p.stroke}
            strokeWidth={2}
            {...(p.label ? { label: p.label } : {})}
          />
        ))}
      </ComposedChart>
    </Frame>
  );
});

/** Category ticks that wrap long strategy names instead of hiding the ones that collide. */
function WrappedTick(props: {
  x?: number;
  y?: number;
  payload?: { value: string };
  width?: number;
  visibleTicksCount?: number;
}) {
  const { x = 0, y = 0, payload, width = 300, visibleTicksCount = 1 } = props;
  return (
    <Text
      x={x}
      y={y + 4}
      width={Math.max(60, width / visibleTicksCount - 8)}
      textAnchor="middle"
      verticalAnchor="start"
      fill="var(--text)"
      fontSize={12}
    >
      {payload?.value ?? ''}
    </Text>
  );
}
