import { createContext, memo, useContext, useId, useMemo } from 'react';
import type { ReactElement } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Text,
  Tooltip,
  XAxis,
  YAxis,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
} from 'recharts';
import type { Scenario } from '../../core/model';
import type { ScenarioResult } from '../../core/result';
import { BREAKDOWN_PARTS, toBreakdownData, toCostCurveData, toCumulativeData } from './chart-data';
import type { BreakdownRow, CostCurveData, CumulativeRow } from './chart-data';
import { compactMoney, compactTokens, chartMoney } from './chart-format';
import { summarizeBreakdown, summarizeCostCurve, summarizeCumulative } from './chart-summaries';
import { useSettledValue } from './use-settled-value';
import { legendRoom, markerLabelsFit, seriesColor, seriesDash, seriesWidth } from './chart-style';
import { ALL_CHARTS, CHART_TITLES } from './chart-ids';
import { ChartFigure } from './ChartFigure';
import type { ChartId } from './chart-ids';

type Size = { width: number; height: number };
type Props = {
  model: Scenario;
  result: ScenarioResult;
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
 * slider move). recharts re-derives its internal state whenever a prop changes identity, so
 * every prop below is either a module constant or memoised (STYLE pitfall 6).
 */
export const ChartsPanel = memo(function ChartsPanel({
  model,
  result,
  currency,
  size,
  charts = ALL_CHARTS,
  exportable = false,
  scenarioName = 'scenario',
}: Props) {
  const id = useId();
  const curve = useMemo(() => toCostCurveData(model, result), [model, result]);
  // Everything but today's volume keeps its identity during a volume drag (chart-data caches
  // it), so the chart itself is not re-rendered; today's marker reads the volume from context.
  const { points, domain, costDomain, series, crossings, breakEvens } = curve;
  const stableCurve = useMemo(
    () => ({ points, domain, costDomain, series, crossings, breakEvens }),
    [points, domain, costDomain, series, crossings, breakEvens],
  );
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
  return (
    <div className="charts">
      {charts.includes('cost') && (
        <ChartFigure
          captionId={`${id}-cost`}
          caption={CHART_TITLES.cost}
          fileName={`${scenarioName} cost by volume`}
          exportable={exportable}
          summary={summarizeCostCurve(curve, result, currency)}
        >
          <TodayContext.Provider value={curve.today}>
            <CostCurveChart curve={stableCurve} currency={currency} size={size} />
          </TodayContext.Provider>
        </ChartFigure>
      )}
      {charts.includes('breakdown') && (
        <ChartFigure
          captionId={`${id}-breakdown`}
          caption={CHART_TITLES.breakdown}
          fileName={`${scenarioName} cost by part`}
          exportable={exportable}
          summary={summarizeBreakdown(settled, currency)}
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
          summary={summarizeCumulative(settled, currency)}
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

const LOG_TICKS = [1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];
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
const seriesIndex = (key: string) => Number(key.slice(1));
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
      tokensLabel: (v: unknown) => `${compactTokens(Number(v))} tokens/day`,
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

const TodayContext = createContext(0);

const CostCurveChart = memo(function CostCurveChart({
  curve,
  currency,
  size,
}: {
  curve: Omit<CostCurveData, 'today'>;
  currency: string;
  size: Size | undefined;
}) {
  const f = useFormatters(currency);
  const ticks = useMemo(
    () => LOG_TICKS.filter((t) => t >= curve.domain[0] && t <= curve.domain[1]),
    [curve.domain],
  );
  const markers = useMemo(() => {
    const labelled = markerLabelsFit(
      curve.breakEvens.map((b) => logShare(b.tokensPerDay, curve.domain)),
    );
    const single = curve.breakEvens.length === 1;
    return {
      // A crossing is a dot in its strategy's colour, ringed so it shows on any line.
      dots: curve.crossings.map((c) => ({
        key: `${c.seriesKey}-${c.tokensPerDay}`,
        x: c.tokensPerDay,
        y: curve.points.find((p) => p.tokensPerDay >= c.tokensPerDay)?.[c.seriesKey] ?? 0,
        fill: color(seriesIndex(c.seriesKey)),
      })),
      lines: curve.breakEvens.map((b) => {
        const stroke = single ? 'var(--accent)' : color(seriesIndex(b.seriesKey));
        return {
          key: b.seriesKey,
          x: b.tokensPerDay,
          stroke,
          strokeWidth: labelled ? 2 : 1.5,
          label: labelled
            ? ({
                value: `break-even ${compactTokens(b.tokensPerDay)}/day`,
                position: nearRightEdge(b.tokensPerDay, curve.domain) ? 'insideTopRight' : 'top',
                fill: stroke,
                fontWeight: 600,
              } as const)
            : undefined,
        };
      }),
    };
  }, [curve.crossings, curve.breakEvens, curve.points, curve.domain]);
  return (
    <Frame size={size} height={chartHeight(curve.series.length)}>
      <LineChart data={curve.points} margin={MARGIN} {...(size ?? {})}>
        {GRID}
        <XAxis
          dataKey="tokensPerDay"
          type="number"
          scale="log"
          domain={curve.domain}
          ticks={ticks}
          allowDataOverflow
          tickFormatter={compactTokens}
          stroke="var(--axis)"
        />
        <YAxis
          scale="log"
          domain={curve.costDomain}
          allowDataOverflow
          tickFormatter={f.axisMoney}
          stroke="var(--axis)"
          width={72}
        />
        <Tooltip formatter={f.money} labelFormatter={f.tokensLabel} contentStyle={TOOLTIP_STYLE} />
        <Legend itemSorter={LEGEND_ORDER} />
        {curve.series.map((s, i) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            {...lineStyle(i)}
            legendType="plainline"
            dot={false}
            isAnimationActive={false}
            type="linear"
          />
        ))}
        <TodayMarker />
        <CrossingDots dots={markers.dots} />
        {markers.lines.map((l) => (
          <ReferenceLine
            key={l.key}
            x={l.x}
            stroke={l.stroke}
            strokeWidth={l.strokeWidth}
            {...(l.label ? { label: l.label } : {})}
          />
        ))}
      </LineChart>
    </Frame>
  );
});

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

/**
 * Today's volume as a dashed line. Drawn from the chart's own scale but outside its props, so
 * moving it (every tick of a volume drag) re-renders this line only, not the chart.
 */
function TodayMarker() {
  const today = useContext(TodayContext);
  const scale = useXAxisScale();
  const area = usePlotArea();
  const x = scale && today > 0 ? scale(today) : undefined;
  if (!area || typeof x !== 'number' || !Number.isFinite(x)) return null;
  if (x < area.x || x > area.x + area.width) return null;
  return (
    <g className="today-marker">
      <line
        x1={x}
        x2={x}
        y1={area.y}
        y2={area.y + area.height}
        stroke="var(--axis)"
        strokeDasharray="4 4"
      />
      <text x={x + 5} y={area.y + area.height - 6} fill="var(--text)" fontSize={13}>
        today
      </text>
    </g>
  );
}

type Dot = { key: string; x: number; y: number; fill: string };

/**
 * Every crossing as a dot in its strategy's colour, ringed so it shows on any line. One layer
 * drawn from the chart's scales rather than a ReferenceDot each: a portfolio can cross a hundred
 * times, and each ReferenceDot registers with the chart's store, so a volume drag that moves the
 * crossings re-mounted them all (about 150 ms a move at 50 workloads x 12 strategies).
 */
const CrossingDots = memo(function CrossingDots({ dots }: { dots: readonly Dot[] }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const area = usePlotArea();
  if (!xScale || !yScale || !area || dots.length === 0) return null;
  const inside = (x: unknown, y: unknown): x is number =>
    typeof x === 'number' &&
    typeof y === 'number' &&
    Number.isFinite(x) &&
    Number.isFinite(y) &&
    x >= area.x &&
    x <= area.x + area.width &&
    y >= area.y &&
    y <= area.y + area.height;
  return (
    <g className="crossing-dots">
      {dots.map((d) => {
        const cx = xScale(d.x);
        const cy = yScale(d.y);
        if (!inside(cx, cy)) return null;
        return (
          <circle
            key={d.key}
            cx={cx}
            cy={cy as number}
            r={4}
            fill={d.fill}
            stroke="var(--text)"
            strokeWidth={1}
          />
        );
      })}
    </g>
  );
});

/** Where a volume sits along the log axis, from 0 (left) to 1 (right). */
function logShare(v: number, [lo, hi]: [number, number]): number {
  return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
}

/** Whether a volume sits in the right fifth of the log axis, where a centred label would clip. */
function nearRightEdge(v: number, domain: [number, number]): boolean {
  return logShare(v, domain) > 0.8;
}

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
