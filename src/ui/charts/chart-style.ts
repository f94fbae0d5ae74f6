/**
 * How strategies are drawn, shared by the first-screen SVG chart and the recharts charts so the
 * one replacing the other keeps every line's look. Readable up to the 12 strategies a scenario
 * may have (DESIGN section 4).
 */

/** Solid, dashed, dotted, dash-dot. */
const DASHES = [undefined, '6 3', '2 2', '8 3 2 3'] as const;

/** The colour of strategy `i`: 6 colour-blind-safe colours (app.css `--series-*`). */
export function seriesColor(i: number): string {
  return `var(--series-${i % 6})`;
}

/**
 * The dash pattern of strategy `i`, or undefined for a solid line. Patterns cycle by 4 while the
 * colours cycle by 6, so each of 12 strategies gets its own pair and neighbours differ in both:
 * lines stay apart without relying on colour alone.
 *
 * @example seriesDash(0) // undefined (solid); seriesDash(1) // '6 3'; seriesDash(6) // '2 2'
 */
export function seriesDash(i: number): string | undefined {
  return DASHES[i % 4];
}

/** The baseline (strategy 0) is drawn wider: it is the line every other one is compared with. */
export function seriesWidth(i: number): number {
  return i === 0 ? 3 : 2;
}

/** Extra chart height for a legend of `entries` lines, so a wrapped legend leaves the plot room. */
export function legendRoom(entries: number): number {
  return Math.max(0, entries - 3) * 14;
}

const MAX_LABELLED_MARKERS = 2;
/** Half the axis: two labels of about 130 px still clear each other on a 390 px phone. */
const MIN_LABEL_GAP = 0.5;

/**
 * Whether vertical markers (break-evens, paybacks) at these positions along the axis (0 = left,
 * 1 = right) can all carry a text label: one, or two half the axis apart. Otherwise the
 * labels would print over each other; each marker is then drawn in its strategy's colour without
 * a label (the text summary gives the numbers).
 */
export function markerLabelsFit(positions: readonly number[]): boolean {
  if (positions.length > MAX_LABELLED_MARKERS) return false;
  const sorted = [...positions].sort((a, b) => a - b);
  return sorted.every((p, i) => i === 0 || p - (sorted[i - 1] ?? 0) >= MIN_LABEL_GAP);
}
