import { Dec } from '../../core/decimal';
import type { MonteCarloSummary } from '../../core/monte-carlo-summary';
import type { MonteCarloIneffective, MonteCarloJobResult } from '../../platform/analysis-jobs';
import { numberFormat } from '../intl-cache';
import { formatMoney } from '../format';
import { formatBreakEven, formatShort, inputName } from './analysis-format';

/**
 * The words of an uncertainty result (issue 6 item 3): the probability with its tie rule, what
 * the percentiles mean and how "always" and "never" count, a summary of the histogram for
 * screen readers, and why a range changed nothing. Amounts arrive as exact decimal strings and
 * are rounded here, at the edge.
 */

/** A whole count with grouping: 10000 -> "10,000". */
export function formatCount(n: number, locale?: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** count / samples as a percentage, exactly, to at most two decimals: "15.02%". */
export function formatProbability(count: number, samples: number, locale?: string): string {
  if (samples === 0) return '0%';
  const percent = new Dec(count).div(samples).mul(100).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  return `${formatShort(percent.toFixed(), locale)}%`;
}

/** "Self-hosted … is cheaper than the baseline, GPT-5 API, in 15.02% of the 10,000 samples (1,502)." */
export function probabilitySentence(
  summary: MonteCarloSummary,
  strategyName: string,
  baselineName: string,
  locale?: string,
): string {
  const { count } = summary.cheaper;
  const n = summary.samples;
  return `${strategyName} is cheaper than the baseline, ${baselineName}, in ${formatProbability(count, n, locale)} of the ${formatCount(n, locale)} samples (${formatCount(count, locale)}).`;
}

/** The tie rule, with the number of ties of this run. */
export function tieRule(summary: MonteCarloSummary, locale?: string): string {
  const { ties } = summary.cheaper;
  const tied =
    ties === 0
      ? 'no sample tied'
      : `${ties === 1 ? 'one sample' : `${formatCount(ties, locale)} samples`} tied`;
  return `Cheaper means a strictly lower monthly cost: a tie (savings of exactly zero) counts as not cheaper (${tied}).`;
}

export const PERCENTILE_RULE =
  'P10, P50 (the median) and P90: 10%, 50% and 90% of the samples are at or below the value (nearest rank: always one of the samples, never an interpolation).';

/** How "always" and "never" enter the percentiles of the break-even, with this run's counts. */
export function breakEvenRule(summary: MonteCarloSummary, locale?: string): string {
  const { always, never, at } = summary.breakEven;
  const c = (k: number) => formatCount(k, locale);
  return `For the break-even, "always cheaper" (no dearer at any volume) ranks below every volume and "never" (still dearer at 1 trillion tokens/day) above every volume, so a percentile can itself be either. In this run: ${c(at)} at a volume, ${c(always)} always cheaper, ${c(never)} never.`;
}

/** A text summary of the savings histogram (the chart's words for screen readers). */
export function histogramSummary(
  result: MonteCarloJobResult,
  strategyName: string,
  currency: string,
  locale?: string,
): string {
  const { summary } = result;
  const s = summary.savings;
  if (!s) return 'No samples.';
  const money = (v: string) => formatMoney(v, currency, locale);
  const losses = summary.samples - summary.cheaper.count - summary.cheaper.ties;
  const tallest = summary.histogram.bins.reduce<(typeof summary.histogram.bins)[number] | null>(
    (best, bin) => (best === null || bin.count > best.count ? bin : best),
    null,
  );
  const parts = [
    `Savings a month ranged from ${money(s.min)} to ${money(s.max)}, with a mean of ${money(s.mean)} and a median of ${money(s.p50)}.`,
    `${formatCount(losses, locale)} of ${formatCount(summary.samples, locale)} samples (${formatProbability(losses, summary.samples, locale)}) are below zero, where ${strategyName} costs more than the baseline.`,
  ];
  if (tallest && summary.histogram.bins.length > 1) {
    parts.push(
      `The most samples, ${formatCount(tallest.count, locale)}, fall between ${binMoney(tallest.from, currency, locale)} and ${binMoney(tallest.to, currency, locale)}.`,
    );
  }
  return parts.join(' ');
}

/**
 * A bin edge (a float, for drawing) as money: whole amounts without the minor unit ("-$7,000"),
 * others to the minor unit.
 */
export function binMoney(value: number, currency: string, locale?: string): string {
  return Number.isInteger(value)
    ? numberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: 0,
        maximumFractionDigits: 0,
      }).format(value)
    : numberFormat(locale, { style: 'currency', currency }).format(value);
}

/** A break-even percentile: "237,427,419 tokens/day", "always cheaper" or "never". */
export function breakEvenText(be: Parameters<typeof formatBreakEven>[0] | null, locale?: string) {
  return be === null ? '—' : formatBreakEven(be, locale);
}

/** Why a range changed nothing, in words. */
export function ineffectiveText(r: MonteCarloIneffective): string {
  const name = inputName(r.label, r.ownerName);
  return r.reason === 'unusedOption'
    ? `${name}: neither strategy uses this option, so its range changes neither cost.`
    : `${name}: it changes only the timeline (NPV and payback), not the monthly savings today or the break-even volume that this run measures.`;
}
