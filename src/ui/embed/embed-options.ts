import type { ChartId } from '../charts/chart-ids';

/** What an embed shows, from its query string (`?embed=1&panels=headline,cost&lock=1`). */
export type EmbedOptions = {
  /** The result summary (verdict, savings, break-even, payback). */
  headline: boolean;
  charts: readonly ChartId[];
  /** A few sliders (volume, API prices, GPU price); never when locked. */
  sliders: boolean;
  /** The "show the math" tables. */
  math: boolean;
  /** Read-only: no inputs at all. */
  lock: boolean;
  theme: 'light' | 'dark' | null;
  /** What in the query string was not understood, in words (shown in the embed, not thrown). */
  problems: readonly string[];
};

export const EMBED_PANELS = ['headline', 'cost', 'breakdown', 'cumulative', 'sliders', 'math'];
export const DEFAULT_PANELS = ['headline', 'cost', 'sliders'];
const CHART_PANELS: readonly ChartId[] = ['cost', 'breakdown', 'cumulative'];

/** Reads the embed parameters; unknown values are reported, and the defaults used instead. */
export function parseEmbedOptions(search: string): EmbedOptions {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  let panels = DEFAULT_PANELS;
  const panelsText = params.get('panels');
  if (panelsText !== null) {
    const asked = panelsText
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const unknown = asked.filter((p) => !EMBED_PANELS.includes(p));
    const known = asked.filter((p) => EMBED_PANELS.includes(p));
    if (unknown.length > 0) {
      problems.push(
        `panels: ${unknown.map((p) => `"${p}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a panel (use ${EMBED_PANELS.join(', ')}).`,
      );
    }
    if (known.length > 0) panels = known;
    else
      problems.push('panels: none of the panels asked for exist, so the default ones are shown.');
  }
  const lockText = params.get('lock');
  if (lockText !== null && lockText !== '0' && lockText !== '1') {
    problems.push(`lock: "${lockText}" is not 0 or 1; the embed is locked to be safe.`);
  }
  const lock = lockText !== null && lockText !== '0';
  const themeText = params.get('theme');
  const theme = themeText === 'light' || themeText === 'dark' ? themeText : null;
  if (themeText !== null && theme === null) {
    problems.push(
      `theme: "${themeText}" is not light or dark; the reader's system setting is used.`,
    );
  }
  return {
    headline: panels.includes('headline'),
    charts: CHART_PANELS.filter((c) => panels.includes(c)),
    sliders: panels.includes('sliders') && !lock,
    math: panels.includes('math'),
    lock,
    theme,
    problems,
  };
}
