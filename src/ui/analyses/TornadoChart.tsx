import { memo, useId, useRef } from 'react';
import { useBoxWidth } from '../use-box-width';
import type { TornadoBar, TornadoData } from './sensitivity-data';
import { logTicks, niceTicks } from './sensitivity-data';

type Props = {
  data: TornadoData;
  /** "−20%", "+20%". */
  lowLabel: string;
  highLabel: string;
  /** What the axis measures, with its unit. */
  axisTitle: string;
  formatTick: (v: number) => string;
  /** A value in full, for the hover title of each bar. */
  formatValue: (v: number) => string;
  /** Marks 0 ("equal cost") when the axis crosses it. */
  zeroLabel: string | null;
  /** Accessible name of the drawing. */
  label: string;
  /** Fixed width for tests (jsdom has no layout). */
  width?: number;
};

/** Room for the legend above the rows and the axis below them. */
const TOP = 30;
const AXIS = 40;
const RIGHT = 16;
const WIDE = 560;
/** Average glyph widths of the 13 px and 11 px label fonts, to cut labels to the room they have. */
const CHAR_PX = 7.6;
const SMALL_CHAR_PX = 6.5;

/**
 * A tornado chart as plain SVG: one row per input, a bar from today's value to the value at the
 * low end of the swing (solid) and one to the high end (striped), so the two are told apart
 * without colour. Wide: labels in a column on the left; narrow (a phone): each label on its own
 * line above its bars, across the full width. No animation; the table below holds every value.
 */
export const TornadoChart = memo(function TornadoChart({
  data,
  lowLabel,
  highLabel,
  axisTitle,
  formatTick,
  formatValue,
  zeroLabel,
  label,
  width: fixedWidth,
}: Props) {
  const box = useRef<HTMLDivElement>(null);
  const patternId = `${useId().replace(/:/g, '')}-stripes`;
  const measured = useBoxWidth(box, 280, fixedWidth === undefined);
  const width = fixedWidth ?? measured;
  const wide = width >= WIDE;
  const labelWidth = wide ? Math.min(280, Math.round(width * 0.36)) : 0;
  const plotLeft = wide ? labelWidth + 12 : 8;
  const plotRight = width - RIGHT;
  const rowHeight = wide ? 36 : 44;
  const barHeight = 16;
  const height = TOP + data.bars.length * rowHeight + AXIS;
  const [lo, hi] = data.domain;
  const log = data.scale === 'log';
  const position = (v: number) => (log ? Math.log10(Math.max(v, lo)) : v);
  const x = (v: number) =>
    plotLeft +
    ((position(v) - position(lo)) / (position(hi) - position(lo))) * (plotRight - plotLeft);
  const ticks = log ? logTicks(lo, hi, wide ? 7 : 4) : niceTicks(lo, hi, wide ? 7 : 4);
  const baseX = data.base === null ? null : x(data.base);
  const showZero = !log && zeroLabel !== null && lo < 0 && hi > 0;
  const labelRoom = wide ? labelWidth : width - 16;

  return (
    <div ref={box} className="tornado">
      <svg width={width} height={height} role="img" aria-label={label}>
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
        <Legend
          x={plotLeft}
          lowLabel={lowLabel}
          highLabel={highLabel}
          patternId={patternId}
          baseNote={data.baseNote}
        />
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={x(t)}
              x2={x(t)}
              y1={TOP - 4}
              y2={height - AXIS}
              stroke="var(--grid)"
              strokeDasharray="3 3"
            />
            <text
              x={x(t)}
              y={height - AXIS + 16}
              textAnchor="middle"
              fontSize={12}
              fill="var(--text)"
            >
              {formatTick(t)}
            </text>
          </g>
        ))}
        <text
          x={(plotLeft + plotRight) / 2}
          y={height - 6}
          textAnchor="middle"
          fontSize={12}
          fill="var(--muted)"
        >
          {axisTitle}
        </text>
        {showZero && (
          <g>
            <line
              x1={x(0)}
              x2={x(0)}
              y1={TOP - 4}
              y2={height - AXIS}
              stroke="var(--axis)"
              strokeWidth={1.5}
            />
            <text
              x={x(0)}
              y={height - AXIS + 30}
              textAnchor={x(0) > plotRight - 60 ? 'end' : x(0) < plotLeft + 60 ? 'start' : 'middle'}
              fontSize={11}
              fill="var(--muted)"
            >
              {zeroLabel}
            </text>
          </g>
        )}
        {/* On a phone the labels cross the plot: there each row draws its own piece of it. */}
        {baseX !== null && wide && (
          <line
            x1={baseX}
            x2={baseX}
            y1={TOP - 4}
            y2={height - AXIS}
            stroke="var(--text)"
            strokeWidth={2}
          />
        )}
        {data.bars.map((bar, i) => (
          <Row
            key={bar.key}
            bar={bar}
            top={TOP + i * rowHeight}
            rowHeight={rowHeight}
            barHeight={barHeight}
            wide={wide}
            labelWidth={labelWidth}
            labelRoom={labelRoom}
            x={x}
            baseX={baseX}
            plotLeft={plotLeft}
            patternId={patternId}
            lowLabel={lowLabel}
            highLabel={highLabel}
            formatValue={formatValue}
          />
        ))}
      </svg>
    </div>
  );
});

function Legend({
  x,
  lowLabel,
  highLabel,
  patternId,
  baseNote,
}: {
  x: number;
  lowLabel: string;
  highLabel: string;
  patternId: string;
  baseNote: string | null;
}) {
  const y = 8;
  return (
    <g fontSize={12} fill="var(--text)">
      <rect x={x} y={y} width={14} height={12} fill="var(--series-0)" />
      <text x={x + 19} y={y + 10}>
        {lowLabel}
      </text>
      <rect x={x + 70} y={y} width={14} height={12} fill={`url(#${patternId})`} />
      <text x={x + 89} y={y + 10}>
        {highLabel}
      </text>
      <line x1={x + 144} x2={x + 144} y1={y - 2} y2={y + 14} stroke="var(--text)" strokeWidth={2} />
      <text x={x + 150} y={y + 10}>
        {baseNote ? `today: ${baseNote}` : 'today'}
      </text>
    </g>
  );
}

function Row({
  bar,
  top,
  rowHeight,
  barHeight,
  wide,
  labelWidth,
  labelRoom,
  x,
  baseX,
  plotLeft,
  patternId,
  lowLabel,
  highLabel,
  formatValue,
}: {
  bar: TornadoBar;
  top: number;
  rowHeight: number;
  barHeight: number;
  wide: boolean;
  labelWidth: number;
  labelRoom: number;
  x: (v: number) => number;
  baseX: number | null;
  plotLeft: number;
  patternId: string;
  lowLabel: string;
  highLabel: string;
  formatValue: (v: number) => string;
}) {
  const barTop = wide ? top + (rowHeight - barHeight) / 2 : top + 20;
  const lowX = bar.low === null ? null : x(bar.low);
  const highX = bar.high === null ? null : x(bar.high);
  // Both ends on the same side of today's value: each gets half the bar's height.
  const sameSide =
    baseX !== null &&
    lowX !== null &&
    highX !== null &&
    Math.sign(lowX - baseX) === Math.sign(highX - baseX) &&
    lowX !== baseX;
  const half = barHeight / 2;
  const end = (v: number | null, note: string | null) =>
    v === null ? (note ?? 'no value') : formatValue(v);
  const title = `${bar.name}: ${lowLabel} ${end(bar.low, bar.lowNote)}, ${highLabel} ${end(bar.high, bar.highNote)}`;
  const notes = [
    bar.lowNote && bar.low === null ? `${lowLabel}: ${bar.lowNote}` : null,
    bar.highNote && bar.high === null ? `${highLabel}: ${bar.highNote}` : null,
  ].filter((n): n is string => n !== null);
  const noteX = baseX ?? plotLeft;

  return (
    <g>
      <title>{title}</title>
      {wide ? (
        <text x={labelWidth} textAnchor="end" fill="var(--text)" {...HALO}>
          <tspan x={labelWidth} y={bar.owner ? barTop + 6 : barTop + 12} fontSize={13}>
            {cut(bar.label, Math.floor(labelRoom / CHAR_PX))}
          </tspan>
          {bar.owner && (
            <tspan x={labelWidth} y={barTop + 20} fontSize={11} fill="var(--muted)">
              {cut(bar.owner, Math.floor(labelRoom / SMALL_CHAR_PX))}
            </tspan>
          )}
        </text>
      ) : (
        <text x={plotLeft} y={top + 12} fill="var(--text)" {...HALO}>
          <tspan fontSize={13}>{cut(bar.label, Math.floor(labelRoom / CHAR_PX))}</tspan>
          {bar.owner && (
            <tspan fontSize={11} fill="var(--muted)">
              {` · ${cut(bar.owner, Math.max(8, Math.floor((labelRoom - bar.label.length * CHAR_PX) / SMALL_CHAR_PX) - 3))}`}
            </tspan>
          )}
        </text>
      )}
      {lowX !== null &&
        (baseX === null ? (
          <circle cx={lowX} cy={barTop + barHeight / 2} r={5} fill="var(--series-0)" />
        ) : (
          <rect
            x={Math.min(lowX, baseX)}
            y={barTop}
            width={Math.max(1, Math.abs(lowX - baseX))}
            height={sameSide ? half : barHeight}
            fill="var(--series-0)"
          />
        ))}
      {highX !== null &&
        (baseX === null ? (
          <circle
            cx={highX}
            cy={barTop + barHeight / 2}
            r={5}
            fill={`url(#${patternId})`}
            stroke="var(--series-1)"
          />
        ) : (
          <rect
            x={Math.min(highX, baseX)}
            y={sameSide ? barTop + half : barTop}
            width={Math.max(1, Math.abs(highX - baseX))}
            height={sameSide ? half : barHeight}
            fill={`url(#${patternId})`}
          />
        ))}
      {baseX !== null && (
        <line
          x1={baseX}
          x2={baseX}
          y1={barTop - 3}
          y2={barTop + barHeight + 3}
          stroke="var(--text)"
          strokeWidth={2}
        />
      )}
      {notes.length > 0 && (
        <text
          x={noteX + 6}
          y={barTop + barHeight / 2 + 4}
          fontSize={11}
          fill="var(--text)"
          fontStyle="italic"
        >
          {notes.join('; ')}
        </text>
      )}
    </g>
  );
}

/** Labels keep a rim of the background, so grid and reference lines never run through them. */
const HALO = { stroke: 'var(--bg)', strokeWidth: 4, paintOrder: 'stroke' } as const;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
