import { useEffect, useRef, useState } from 'react';
import type { CostCurveData } from './chart-data';
import { compactMoney, compactTokens } from './chart-format';
import { legendRoom, markerLabelsFit, seriesColor, seriesDash, seriesWidth } from './chart-style';

// The interactive chart is 320 px with its legend inside (taller by `legendRoom` for many
// strategies); this drawing plus its legend below (27 px a row) takes about the same height, so
// the page does not jump when the interactive one replaces it.
const BASE_HEIGHT = 293;
const PAD = { left: 76, right: 24, top: 28, bottom: 36 };
const LOG_TICKS = [1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

/**
 * The cost-by-volume chart as plain SVG: what the first screen draws, so it needs neither
 * recharts nor much main-thread time. The interactive recharts version (tooltips, legend,
 * the other charts) replaces it on the first interaction. Same data, same colours and marks.
 */
export function StaticCostChart({ curve, currency }: { curve: CostCurveData; currency: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(280, Math.round(el.getBoundingClientRect().width)));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const [lo, hi] = curve.domain;
  const [ylo, yhi] = curve.costDomain;
  const plotW = width - PAD.left - PAD.right;
  const HEIGHT = BASE_HEIGHT + legendRoom(curve.series.length);
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (v: number) =>
    PAD.left + ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * plotW;
  const y = (v: number) =>
    PAD.top +
    plotH -
    ((Math.log10(Math.max(v, ylo)) - Math.log10(ylo)) / (Math.log10(yhi) - Math.log10(ylo))) *
      plotH;
  const yTicks: number[] = [];
  for (let t = ylo; t <= yhi * 1.0001; t *= 10) yTicks.push(t);
  const xTicks = LOG_TICKS.filter((t) => t >= lo && t <= hi);
  const labelled = markerLabelsFit(
    curve.breakEvens.map((b) => (x(b.tokensPerDay) - PAD.left) / Math.max(1, plotW)),
  );

  return (
    <div ref={box} className="static-chart">
      <svg width={width} height={HEIGHT} role="img" aria-label="Monthly cost by volume">
        {xTicks.map((t) => (
          <g key={`x${t}`}>
            <line
              x1={x(t)}
              x2={x(t)}
              y1={PAD.top}
              y2={PAD.top + plotH}
              stroke="var(--grid)"
              strokeDasharray="3 3"
            />
            <text
              x={x(t)}
              y={PAD.top + plotH + 18}
              textAnchor="middle"
              fill="var(--text)"
              fontSize={12}
            >
              {compactTokens(t)}
            </text>
          </g>
        ))}
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line
              x1={PAD.left}
              x2={PAD.left + plotW}
              y1={y(t)}
              y2={y(t)}
              stroke="var(--grid)"
              strokeDasharray="3 3"
            />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fill="var(--text)" fontSize={12}>
              {compactMoney(t, currency)}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} stroke="var(--axis)" />
        <line
          x1={PAD.left}
          x2={PAD.left + plotW}
          y1={PAD.top + plotH}
          y2={PAD.top + plotH}
          stroke="var(--axis)"
        />
        {curve.series.map((s, i) => (
          <path
            key={s.key}
            d={curve.points
              .filter((p) => p.tokensPerDay >= lo && p.tokensPerDay <= hi)
              .map(
                (p, j) =>
                  `${j === 0 ? 'M' : 'L'}${x(p.tokensPerDay).toFixed(1)},${y(p[s.key] ?? 0).toFixed(1)}`,
              )
              .join('')}
            fill="none"
            stroke={seriesColor(i)}
            strokeWidth={seriesWidth(i)}
            strokeDasharray={seriesDash(i)}
          />
        ))}
        {curve.today > 0 && (
          <g>
            <line
              x1={x(curve.today)}
              x2={x(curve.today)}
              y1={PAD.top}
              y2={PAD.top + plotH}
              stroke="var(--axis)"
              strokeDasharray="4 4"
            />
            <text x={x(curve.today) + 5} y={PAD.top + plotH - 6} fill="var(--text)" fontSize={13}>
              today
            </text>
          </g>
        )}
        {curve.breakEvens.map((b) => {
          const right = x(b.tokensPerDay) > PAD.left + plotW * 0.8;
          // As in the interactive chart: labelled when few and apart, else in the strategy's colour.
          const stroke =
            curve.breakEvens.length === 1
              ? 'var(--accent)'
              : seriesColor(Number(b.seriesKey.slice(1)));
          return (
            <g key={b.seriesKey}>
              <line
                x1={x(b.tokensPerDay)}
                x2={x(b.tokensPerDay)}
                y1={PAD.top}
                y2={PAD.top + plotH}
                stroke={stroke}
                strokeWidth={labelled ? 2 : 1.5}
              />
              {labelled && (
                <text
                  x={x(b.tokensPerDay) + (right ? -5 : 0)}
                  y={PAD.top - 8}
                  textAnchor={right ? 'end' : 'middle'}
                  fill={stroke}
                  fontSize={13}
                  fontWeight={600}
                >
                  {`break-even ${compactTokens(b.tokensPerDay)}/day`}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="static-legend">
        {curve.series.map((s, i) => (
          <li key={s.key}>
            <svg width={24} height={10} aria-hidden="true">
              <line
                x1={0}
                x2={24}
                y1={5}
                y2={5}
                stroke={seriesColor(i)}
                strokeWidth={seriesWidth(i)}
                strokeDasharray={seriesDash(i)}
              />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
