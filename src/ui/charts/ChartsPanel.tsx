import { memo, useMemo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Text,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Scenario } from '../../core/model';
import type { ScenarioResult } from '../../core/result';
import { BREAKDOWN_PARTS, toBreakdownData, toCostCurveData, toCumulativeData } from './chart-data';
import { compactMoney, compactTokens, chartMoney } from './chart-format';
import { summarizeBreakdown, summarizeCostCurve, summarizeCumulative } from './chart-summaries';

type Props = {
  model: Scenario;
  result: ScenarioResult;
  currency: string;
  /** Fixed chart size for tests (jsdom has no layout); omitted in the app. */
  size?: { width: number; height: number };
};

const LOG_TICKS = [1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];
const color = (i: number) => `var(--series-${i % 6})`;
/** Solid, dashed, dotted: lines stay apart without relying on colour alone. */
const dash = (i: number) => ['none', '6 3', '2 2', '8 3 2 3'][i % 4] ?? 'none';
const PART_COLORS = [
  'var(--part-api)',
  'var(--part-gpu)',
  'var(--part-storage)',
  'var(--part-monitoring)',
  'var(--part-engineering)',
  'var(--part-finetuning)',
];

/**
 * The three charts, loaded lazily after the headline numbers (STYLE pitfall 7). Each has a text
 * summary for screen readers, formatted tooltips, and no animation (it would replay on every
 * slider move).
 */
export const ChartsPanel = memo(function ChartsPanel({ model, result, currency, size }: Props) {
  const curve = useMemo(() => toCostCurveData(model, result), [model, result]);
  const breakdown = useMemo(() => toBreakdownData(result), [result]);
  const cumulative = useMemo(() => toCumulativeData(result), [result]);
  const ticks = LOG_TICKS.filter((t) => t >= curve.domain[0] && t <= curve.domain[1]);
  const money = (v: number) => chartMoney(v, currency);
  const frame = (chart: React.ReactElement) =>
    size ? (
      <div style={{ width: size.width, height: size.height }}>{chart}</div>
    ) : (
      <ResponsiveContainer width="100%" height={320}>
        {chart}
      </ResponsiveContainer>
    );
  const dims = size ?? {};
  const payback = result.strategies
    .slice(1)
    .flatMap((s, i) =>
      s.vsBaseline?.paybackMonth
        ? [{ month: s.vsBaseline.paybackMonth, index: i + 1, name: s.name }]
        : [],
    );

  return (
    <div className="charts">
      <figure className="chart" aria-labelledby="chart-cost-title">
        <figcaption id="chart-cost-title">
          Monthly cost by volume (tokens per day; both axes on log scales)
        </figcaption>
        {frame(
          <LineChart
            data={curve.points}
            margin={{ top: 24, right: 24, bottom: 8, left: 8 }}
            {...dims}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
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
              tickFormatter={(v: number) => compactMoney(v, currency)}
              stroke="var(--axis)"
              width={72}
            />
            <Tooltip
              formatter={(v) => money(Number(v))}
              labelFormatter={(v) => `${compactTokens(Number(v))} tokens/day`}
              contentStyle={{ background: 'var(--surface)', borderColor: 'var(--border)' }}
            />
            <Legend />
            {curve.series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stroke={color(i)}
                strokeWidth={2}
                strokeDasharray={dash(i)}
                dot={false}
                isAnimationActive={false}
                type="linear"
              />
            ))}
            <ReferenceLine
              x={curve.today}
              stroke="var(--axis)"
              strokeDasharray="4 4"
              label={{ value: 'today', position: 'insideBottomLeft', fill: 'var(--text)' }}
            />
            {curve.crossings.map((c) => (
              <ReferenceDot
                key={`${c.seriesKey}-${c.tokensPerDay}`}
                x={c.tokensPerDay}
                y={curve.points.find((p) => p.tokensPerDay >= c.tokensPerDay)?.[c.seriesKey] ?? 0}
                r={4}
                fill="var(--text)"
                stroke="none"
              />
            ))}
            {curve.breakEvens.map((b) => (
              <ReferenceLine
                key={b.seriesKey}
                x={b.tokensPerDay}
                stroke="var(--accent)"
                strokeWidth={2}
                label={{
                  value: `break-even ${compactTokens(b.tokensPerDay)}/day`,
                  position: nearRightEdge(b.tokensPerDay, curve.domain) ? 'insideTopRight' : 'top',
                  fill: 'var(--accent)',
                  fontWeight: 600,
                }}
              />
            ))}
          </LineChart>,
        )}
        <p className="chart-summary">{summarizeCostCurve(curve, result, currency)}</p>
      </figure>

      <figure className="chart" aria-labelledby="chart-breakdown-title">
        <figcaption id="chart-breakdown-title">
          What each strategy costs per month, by part
        </figcaption>
        {frame(
          <BarChart data={breakdown} margin={{ top: 8, right: 24, bottom: 8, left: 8 }} {...dims}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
            <XAxis
              dataKey="name"
              stroke="var(--axis)"
              interval={0}
              tick={<WrappedTick />}
              height={48}
            />
            <YAxis
              tickFormatter={(v: number) => compactMoney(v, currency)}
              stroke="var(--axis)"
              width={72}
            />
            <Tooltip
              formatter={(v) => money(Number(v))}
              contentStyle={{ background: 'var(--surface)', borderColor: 'var(--border)' }}
            />
            <Legend />
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
          </BarChart>,
        )}
        <p className="chart-summary">{summarizeBreakdown(result, currency)}</p>
      </figure>

      <figure className="chart" aria-labelledby="chart-cumulative-title">
        <figcaption id="chart-cumulative-title">
          Cumulative cost over the horizon (months)
        </figcaption>
        {frame(
          <ComposedChart
            data={cumulative}
            margin={{ top: 24, right: 24, bottom: 8, left: 8 }}
            {...dims}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
            <XAxis dataKey="month" type="number" domain={[0, 'dataMax']} stroke="var(--axis)" />
            <YAxis
              tickFormatter={(v: number) => compactMoney(v, currency)}
              stroke="var(--axis)"
              width={72}
            />
            <Tooltip
              formatter={(v) => money(Number(v))}
              labelFormatter={(v) => `Month ${String(v)}`}
              contentStyle={{ background: 'var(--surface)', borderColor: 'var(--border)' }}
            />
            <Legend />
            {result.strategies.map((s, i) => (
              <Bar
                key={`capex-${s.id}`}
                dataKey={`s${i}capex`}
                name={`${s.name}: capex`}
                fill={color(i)}
                fillOpacity={0.45}
                isAnimationActive={false}
                legendType="square"
              />
            ))}
            {result.strategies.map((s, i) => (
              <Line
                key={s.id}
                dataKey={`s${i}`}
                name={s.name}
                stroke={color(i)}
                strokeWidth={2}
                strokeDasharray={dash(i)}
                dot={false}
                isAnimationActive={false}
              />
            ))}
            {payback.map((p) => (
              <ReferenceLine
                key={p.index}
                x={p.month}
                stroke="var(--accent)"
                strokeWidth={2}
                label={{
                  value: `payback: month ${p.month}`,
                  position: p.month > cumulative.length / 2 ? 'insideTopRight' : 'insideTopLeft',
                  fill: 'var(--accent)',
                  fontWeight: 600,
                }}
              />
            ))}
          </ComposedChart>,
        )}
        <p className="chart-summary">{summarizeCumulative(result, currency)}</p>
      </figure>
    </div>
  );
});

/** Whether a volume sits in the right fifth of the log axis, where a centred label would clip. */
function nearRightEdge(v: number, [lo, hi]: [number, number]): boolean {
  return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) > 0.8;
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

export default ChartsPanel;
