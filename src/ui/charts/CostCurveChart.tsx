import { memo, useId, useMemo, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent, PointerEvent } from 'react';
import { useBoxWidth } from '../use-box-width';
import type { CostCurveData, CurvePoint, Series } from './chart-data';
import { chartMoney, compactMoney, compactTokens } from './chart-format';
import { legendRoom, markerLabelsFit, seriesColor, seriesDash, seriesWidth } from './chart-style';
import {
  firstAtOrAfter,
  logShare,
  logTicks,
  nearestPoint,
  seriesPaths,
  stepPoint,
  xPixel,
  yPixel,
} from './cost-curve-geometry';
import type { PlotArea } from './cost-curve-geometry';

export type ChartSize = { width: number; height: number };

/** The drawing's height (the legend below adds its rows): the same on the first screen and after. */
const BASE_HEIGHT = 293;
const PAD = { left: 76, right: 24, top: 28, bottom: 36 };
/** A decade of the money axis this tall also gets a 3x tick. */
const MIN_DECADE_PX = 60;
const KEYS_HELP =
  'Monthly cost by volume. Left and right arrow keys read each strategy’s cost at a volume; ' +
  'Page Up and Page Down jump, Home and End go to the ends, Escape hides the reading.';

/**
 * The cost-by-volume chart (one line per strategy, log volume across, log money up) as plain
 * SVG: no chart library, so the first screen can draw it, and cheap to update, so it follows
 * every tick of a slider. The lines, axes and markers are memoised on the curve data, which
 * keeps its identity while only today's volume moves (chart-data.ts), so a volume drag redraws
 * the "today" marker alone. Pointer and arrow keys show each strategy's cost at a volume.
 *
 * `size` fixes the drawing's size (tests; jsdom has no layout); else it takes its box's width.
 */
export const CostCurveChart = memo(function CostCurveChart({
  curve,
  currency,
  size,
}: {
  curve: CostCurveData;
  currency: string;
  size?: ChartSize | undefined;
}) {
  const box = useRef<HTMLDivElement>(null);
  const measured = useBoxWidth(box, 280, size === undefined);
  const width = size?.width ?? measured;
  const height = size?.height ?? BASE_HEIGHT + legendRoom(curve.series.length);
  const { points, series, domain, costDomain, crossings, breakEvens, today } = curve;
  const area = useMemo<PlotArea>(
    () => ({
      left: PAD.left,
      top: PAD.top,
      width: Math.max(1, width - PAD.left - PAD.right),
      height: Math.max(1, height - PAD.top - PAD.bottom),
    }),
    [width, height],
  );
  const volumes = useMemo(() => points.map((p) => p.tokensPerDay), [points]);
  const [active, setActive] = useState<number | null>(null);
  const shown = active !== null && active < points.length ? active : null;
  const tipId = useId();

  const show = (index: number) => setActive(index < 0 ? null : index);
  const onPointer = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    // The drawing may be scaled by CSS (print); jsdom reports no size at all.
    const px = (event.clientX - rect.left) * (rect.width > 0 ? width / rect.width : 1);
    const py = (event.clientY - rect.top) * (rect.height > 0 ? height / rect.height : 1);
    const inside =
      px >= area.left &&
      px <= area.left + area.width &&
      py >= area.top &&
      py <= area.top + area.height;
    if (!inside) return setActive(null);
    const share = (px - area.left) / area.width;
    show(nearestPoint(volumes, domain[0] * (domain[1] / domain[0]) ** share));
  };
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (volumes.length === 0) return;
    const last = volumes.length - 1;
    const from = shown ?? nearestPoint(volumes, today > 0 ? today : domain[0]);
    const jump = (direction: number) =>
      nearestPoint(
        volumes,
        (volumes[from] as number) * (domain[1] / domain[0]) ** (direction / 10),
      );
    const next: Record<string, () => number> = {
      // The first arrow press shows today's volume; the next ones move from there.
      ArrowRight: () => (shown === null ? from : stepPoint(volumes, from, 1)),
      ArrowLeft: () => (shown === null ? from : stepPoint(volumes, from, -1)),
      PageUp: () => jump(1),
      PageDown: () => jump(-1),
      Home: () => nearestPoint(volumes, volumes[0] as number),
      End: () => last,
    };
    if (event.key === 'Escape') {
      if (shown === null) return;
      event.preventDefault();
      setActive(null);
      return;
    }
    const move = next[event.key];
    if (!move) return;
    event.preventDefault();
    show(move());
  };

  const todayX = today > 0 ? xPixel(today, domain, area) : NaN;
  const tipX = shown === null ? 0 : xPixel(volumes[shown] as number, domain, area);
  return (
    <div ref={box} className="cost-chart">
      <div
        className="cost-chart-plot"
        role="application"
        aria-label={KEYS_HELP}
        aria-describedby={shown === null ? undefined : tipId}
        tabIndex={0}
        onPointerMove={onPointer}
        onPointerDown={onPointer}
        onPointerLeave={(event) => event.pointerType !== 'touch' && setActive(null)}
        onKeyDown={onKey}
        onBlur={() => setActive(null)}
      >
        <svg width={width} height={height} role="img" aria-label="Monthly cost by volume">
          <CurveLayer
            points={points}
            series={series}
            domain={domain}
            costDomain={costDomain}
            crossings={crossings}
            breakEvens={breakEvens}
            area={area}
            currency={currency}
          />
          {todayX >= area.left && todayX <= area.left + area.width && (
            <g className="cost-chart-today">
              <line
                x1={todayX}
                x2={todayX}
                y1={area.top}
                y2={area.top + area.height}
                stroke="var(--axis)"
                strokeDasharray="4 4"
              />
              <text x={todayX + 5} y={area.top + area.height - 6} fill="var(--text)" fontSize={13}>
                today
              </text>
            </g>
          )}
        </svg>
        {shown !== null && (
          <>
            {/* The guide and its dots are HTML over the drawing, so a PNG of it never has them. */}
            <div
              className="cost-chart-guide"
              style={{ left: tipX, top: area.top, height: area.height }}
            />
            {series.map((s, i) => (
              <span
                key={s.key}
                className="cost-chart-dot"
                style={{
                  left: tipX,
                  top: yPixel((points[shown] as CurvePoint)[s.key] ?? 0, costDomain, area),
                  background: seriesColor(i),
                }}
              />
            ))}
          </>
        )}
        {/* Announced as it changes, so arrow keys read out each volume (not only on focus). */}
        <div aria-live="polite" aria-atomic="true">
          {shown !== null && (
            <Tip
              id={tipId}
              point={points[shown] as CurvePoint}
              series={series}
              currency={currency}
              style={tipPlacement(tipX, points[shown] as CurvePoint, curve, width, area)}
            />
          )}
        </div>
      </div>
      <ul className="cost-chart-legend" aria-label="Strategies">
        {series.map((s, i) => (
          // The PNG export reads legend entries by this class (platform/export/chart-png.ts).
          <li key={s.key} className="chart-legend-item">
            <LineSample index={i} />
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
});

/** Room the reading needs beside the guide for a name and an amount on one line. */
const TIP_MIN_PX = 260;

/**
 * Where the reading goes: beside the guide, on the side with more room (left of it in the right
 * half). Where neither side has the room (a phone), across the plot, at the top or the bottom,
 * whichever is farther from the strategies' dots at this volume.
 */
function tipPlacement(
  x: number,
  point: CurvePoint,
  curve: CostCurveData,
  width: number,
  area: PlotArea,
): CSSProperties {
  const top = area.top + 4;
  const left = x <= area.left + area.width / 2;
  const room = left ? width - x - 14 : x - 14;
  if (room >= TIP_MIN_PX) {
    const maxWidth = Math.min(360, room);
    return left ? { left: x + 10, top, maxWidth } : { right: width - x + 10, top, maxWidth };
  }
  let sum = 0;
  for (const s of curve.series) sum += yPixel(point[s.key] ?? 0, curve.costDomain, area);
  const dotsLow = sum / Math.max(1, curve.series.length) > area.top + area.height / 2;
  const bottom = area.top + area.height;
  return dotsLow
    ? { left: 8, right: 8, top }
    : { left: 8, right: 8, top: bottom - 4, transform: 'translateY(-100%)' };
}

function LineSample({ index }: { index: number }) {
  return (
    <svg width={24} height={10} aria-hidden="true">
      <line
        x1={0}
        x2={24}
        y1={5}
        y2={5}
        stroke={seriesColor(index)}
        strokeWidth={seriesWidth(index)}
        strokeDasharray={seriesDash(index)}
      />
    </svg>
  );
}

/** The reading at one volume: each strategy's monthly cost there, in strategy order. */
function Tip({
  id,
  point,
  series,
  currency,
  style,
}: {
  id: string;
  point: CurvePoint;
  series: readonly Series[];
  currency: string;
  style: CSSProperties;
}) {
  return (
    <div id={id} role="tooltip" className="cost-chart-tip" style={style}>
      <p className="cost-chart-tip-title">{`${compactTokens(point.tokensPerDay)} tokens/day`}</p>
      <ul>
        {series.map((s, i) => (
          <li key={s.key}>
            <LineSample index={i} />
            <span className="cost-chart-tip-name">{s.name}</span>{' '}
            <span className="cost-chart-tip-value">{chartMoney(point[s.key] ?? 0, currency)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Everything but today's marker and the reading: grid, axes, lines, crossings, break-evens.
 * Memoised on its props, which all keep their identity while only today's volume moves.
 */
const CurveLayer = memo(function CurveLayer({
  points,
  series,
  domain,
  costDomain,
  crossings,
  breakEvens,
  area,
  currency,
}: Pick<
  CostCurveData,
  'points' | 'series' | 'domain' | 'costDomain' | 'crossings' | 'breakEvens'
> & {
  area: PlotArea;
  currency: string;
}) {
  const paths = useMemo(
    () =>
      seriesPaths(
        points,
        series.map((s) => s.key),
        domain,
        costDomain,
        area,
      ),
    [points, series, domain, costDomain, area],
  );
  const xTicks = logTicks(domain, area.width);
  const yTicks = logTicks(costDomain, area.height, MIN_DECADE_PX);
  const bottom = area.top + area.height;
  const right = area.left + area.width;
  const x = (v: number) => xPixel(v, domain, area);
  const y = (v: number) => yPixel(v, costDomain, area);
  const labelled = markerLabelsFit(breakEvens.map((b) => logShare(b.tokensPerDay, domain)));
  const volumes = useMemo(() => points.map((p) => p.tokensPerDay), [points]);
  return (
    <>
      {xTicks.map((t) => (
        <g key={`x${t}`}>
          <line
            x1={x(t)}
            x2={x(t)}
            y1={area.top}
            y2={bottom}
            stroke="var(--grid)"
            strokeDasharray="3 3"
          />
          <line x1={x(t)} x2={x(t)} y1={bottom} y2={bottom + 6} stroke="var(--axis)" />
          <text x={x(t)} y={bottom + 20} textAnchor="middle" fill="var(--text)" fontSize={13}>
            {compactTokens(t)}
          </text>
        </g>
      ))}
      {yTicks.map((t) => (
        <g key={`y${t}`}>
          <line
            x1={area.left}
            x2={right}
            y1={y(t)}
            y2={y(t)}
            stroke="var(--grid)"
            strokeDasharray="3 3"
          />
          <line x1={area.left - 6} x2={area.left} y1={y(t)} y2={y(t)} stroke="var(--axis)" />
          <text x={area.left - 9} y={y(t) + 4} textAnchor="end" fill="var(--text)" fontSize={13}>
            {compactMoney(t, currency)}
          </text>
        </g>
      ))}
      <line x1={area.left} x2={area.left} y1={area.top} y2={bottom} stroke="var(--axis)" />
      <line x1={area.left} x2={right} y1={bottom} y2={bottom} stroke="var(--axis)" />
      {paths.map((d, i) => (
        <path
          key={series[i]?.key ?? i}
          d={d}
          fill="none"
          stroke={seriesColor(i)}
          strokeWidth={seriesWidth(i)}
          strokeDasharray={seriesDash(i)}
          strokeLinejoin="round"
        />
      ))}
      <g className="cost-chart-crossings">
        {crossings.map((c, i) => {
          // The cost at the first drawn point at or after the crossing, on its own line.
          const at = points[firstAtOrAfter(volumes, c.tokensPerDay)];
          const cy = at?.[c.seriesKey];
          if (cy === undefined || cy < costDomain[0] || cy > costDomain[1]) return null;
          if (c.tokensPerDay < domain[0] || c.tokensPerDay > domain[1]) return null;
          return (
            <circle
              // By position: a drag moves the crossings, and moving a dot is cheaper than
              // replacing it.
              key={`crossing-${i}`}
              cx={x(c.tokensPerDay)}
              cy={y(cy)}
              r={4}
              fill={seriesColor(Number(c.seriesKey.slice(1)))}
              stroke="var(--text)"
              strokeWidth={1}
            />
          );
        })}
      </g>
      {breakEvens.map((b) => {
        if (b.tokensPerDay < domain[0] || b.tokensPerDay > domain[1]) return null;
        const bx = x(b.tokensPerDay);
        // One break-even in the accent colour and labelled; several in their strategies'
        // colours, labelled only when the labels cannot collide (the summary gives the numbers).
        const stroke =
          breakEvens.length === 1 ? 'var(--accent)' : seriesColor(Number(b.seriesKey.slice(1)));
        const nearRight = logShare(b.tokensPerDay, domain) > 0.8;
        return (
          <g key={b.seriesKey} className="cost-chart-break-even">
            <line
              x1={bx}
              x2={bx}
              y1={area.top}
              y2={bottom}
              stroke={stroke}
              strokeWidth={labelled ? 2 : 1.5}
            />
            {labelled && (
              <text
                x={nearRight ? bx - 5 : bx}
                y={area.top - 8}
                textAnchor={nearRight ? 'end' : 'middle'}
                fill="var(--text)"
                fontSize={13}
                fontWeight={600}
              >
                {`break-even ${compactTokens(b.tokensPerDay)}/day`}
              </text>
            )}
          </g>
        );
      })}
    </>
  );
});
