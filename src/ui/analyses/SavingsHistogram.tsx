import { memo, useId, useRef } from 'react';
import { useBoxWidth } from '../use-box-width';
import type { MonteCarloHistogram } from '../../core/monte-carlo-summary';
import { niceTicks } from './sensitivity-data';

type Props = {
  histogram: MonteCarloHistogram;
  /** Axis money: "$5K". */
  formatTick: (v: number) => string;
  /** A bin edge in full, for the hover title of each bar: "$5,000.00". */
  formatValue: (v: number) => string;
  /** "2,345 samples". */
  formatCount: (n: number) => string;
  /** What the horizontal axis measures, with its unit. */
  axisTitle: string;
  /** Accessible name of the drawing. */
  label: string;
  /** Fixed width for tests (jsdom has no layout). */
  width?: number;
};

const HEIGHT = 240;
const TOP = 30;
const BOTTOM = 44;
const RIGHT = 16;
/** Room for the count labels of the vertical axis. */
const LEFT = 46;

/**
 * The histogram of monthly savings as plain SVG (no chart library, nothing to load): one bar per
 * bin, bins below zero (the strategy costs more) striped, bins at or above zero solid, so the two
 * are told apart without colour; a line marks equal cost. Bins never straddle zero
 * (monte-carlo-summary.ts aligns them on it). The table of bins beside it holds every number.
 */
export const SavingsHistogram = memo(function SavingsHistogram({
  histogram,
  formatTick,
  formatValue,
  formatCount,
  axisTitle,
  label,
  width: fixedWidth,
}: Props) {
  const box = useRef<HTMLDivElement>(null);
  const patternId = `${useId().replace(/:/g, '')}-loss`;
  const measured = useBoxWidth(box, 260, fixedWidth === undefined);
  const width = fixedWidth ?? measured;
  const narrow = width < 480;
  const { bins } = histogram;
  const first = bins[0];
  const last = bins[bins.length - 1];
  if (!first || !last) return null;
  // One bin of zero width (every sample equal): a narrow bar in the middle of a small domain.
  const single = first.from === last.to;
  const pad = single ? Math.max(1, Math.abs(first.from) * 0.1) : 0;
  let lo = first.from - pad;
  let hi = last.to + pad;
  // Equal cost in view when it is near: how far the samples are from it is part of the answer.
  const span = hi - lo;
  if (lo > 0 && lo <= span / 2) lo = 0;
  if (hi < 0 && -hi <= span / 2) hi = 0;
  const plotLeft = LEFT;
  const plotRight = width - RIGHT;
  const plotTop = TOP;
  const plotBottom = HEIGHT - BOTTOM;
  const x = (v: number) => plotLeft + ((v - lo) / (hi - lo || 1)) * (plotRight - plotLeft);
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const countTicks = niceTicks(0, maxCount, 4).filter((t) => Number.isInteger(t));
  const top = Math.max(maxCount, countTicks[countTicks.length - 1] ?? maxCount);
  const y = (n: number) => plotBottom - (n / top) * (plotBottom - plotTop);
  const ticks = niceTicks(lo, hi, narrow ? 3 : 6);
  const showZero = lo <= 0 && hi >= 0;
  const zeroX = x(0);

  return (
    <div ref={box} className="histogram">
      <svg width={width} height={HEIGHT} role="img" aria-label={label}>
        <defs>
          <pattern
            id={patternId}
            patternUnits="userSpaceOnUse"
            width="6"
            height="6"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="var(--series-1)" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="var(--bg)" strokeWidth="2" />
          </pattern>
        </defs>
        <g fontSize={12} fill="var(--text)">
          <rect x={plotLeft} y={8} width={14} height={12} fill={`url(#${patternId})`} />
          <text x={plotLeft + 19} y={18}>
            strategy dearer
          </text>
          <rect x={plotLeft + 124} y={8} width={14} height={12} fill="var(--series-2)" />
          <text x={plotLeft + 143} y={18}>
            strategy cheaper
          </text>
        </g>
        {countTicks.map((t) => (
          <g key={`c${t}`}>
            <line
              x1={plotLeft}
              x2={plotRight}
              y1={y(t)}
              y2={y(t)}
              stroke="var(--grid)"
              strokeDasharray="3 3"
            />
            <text x={plotLeft - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill="var(--text)">
              {formatCount(t)}
            </text>
          </g>
        ))}
        {bins.map((bin) => {
          const loss = bin.to <= 0 && !(bin.from === 0 && bin.to === 0);
          const left = single ? x(bin.from) - 10 : x(bin.from);
          const w = single ? 20 : Math.max(1, x(bin.to) - x(bin.from) - 1);
          return (
            <g key={`${bin.from}:${bin.to}`}>
              <title>
                {`${formatValue(bin.from)} to ${formatValue(bin.to)}: ${formatCount(bin.count)}`}
              </title>
              <rect
                x={left}
                y={y(bin.count)}
                width={w}
                height={Math.max(0, plotBottom - y(bin.count))}
                fill={loss ? `url(#${patternId})` : 'var(--series-2)'}
              />
            </g>
          );
        })}
        <line
          x1={plotLeft}
          x2={plotRight}
          y1={plotBottom}
          y2={plotBottom}
          stroke="var(--axis)"
          strokeWidth={1}
        />
        {ticks.map((t) => (
          <text
            key={`x${t}`}
            x={x(t)}
            y={plotBottom + 16}
            // The outermost labels stay inside the drawing.
            textAnchor={x(t) > plotRight - 24 ? 'end' : x(t) < plotLeft + 24 ? 'start' : 'middle'}
            fontSize={12}
            fill="var(--text)"
          >
            {formatTick(t)}
          </text>
        ))}
        {showZero && (
          <g>
            <line
              x1={zeroX}
              x2={zeroX}
              y1={plotTop - 4}
              y2={plotBottom}
              stroke="var(--text)"
              strokeWidth={1.5}
            />
            <text
              x={zeroX > plotRight - 60 ? zeroX - 4 : zeroX + 4}
              y={plotTop + 8}
              textAnchor={zeroX > plotRight - 60 ? 'end' : 'start'}
              fontSize={11}
              fill="var(--muted)"
              {...HALO}
            >
              equal cost
            </text>
          </g>
        )}
        <text
          x={(plotLeft + plotRight) / 2}
          y={HEIGHT - 6}
          textAnchor="middle"
          fontSize={12}
          fill="var(--muted)"
        >
          {axisTitle}
        </text>
      </svg>
    </div>
  );
});

/** Labels keep a rim of the background, so bars and lines never run through them. */
const HALO = { stroke: 'var(--bg)', strokeWidth: 4, paintOrder: 'stroke' } as const;
