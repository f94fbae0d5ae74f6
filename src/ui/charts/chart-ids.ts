/** The three charts, by the names an embed's `panels` parameter uses. */
export type ChartId = 'cost' | 'breakdown' | 'cumulative';

export const ALL_CHARTS: readonly ChartId[] = ['cost', 'breakdown', 'cumulative'];

export const CHART_TITLES: Readonly<Record<ChartId, string>> = {
  cost: 'Monthly cost by volume (tokens per day; both axes on log scales)',
  breakdown: 'What each strategy costs per month, by part',
  cumulative: 'Cumulative cost over the horizon (months)',
};
