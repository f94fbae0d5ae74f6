import { Dec } from '../../core/decimal';
import type { FragmentationResult } from '../../core/fragmentation-cost';
import type { Scenario } from '../../core/model';
import type { ScenarioResult } from '../../core/result';
import { formatMoney } from '../format';
import { numberFormat } from '../intl-cache';

/** Words for the strategy comparison. Every amount is rounded at display only (DESIGN section 2). */

/** A count with its noun: "1 GPU", "24 GPUs", "1,024 GPUs". */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${wholeNumber(n)} ${n === 1 ? noun : plural}`;
}

function wholeNumber(n: number): string {
  return numberFormat(undefined, { maximumFractionDigits: 0 }).format(n);
}

/** Staff as FTE, to at most two decimals: "0.5 FTE", "3 FTE". */
export function formatFte(fte: string): string {
  return `${fteNumber(fte)} FTE`;
}

function fteNumber(fte: string): string {
  const rounded = new Dec(fte).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed();
  return numberFormat(undefined, { maximumFractionDigits: 2 }).format(
    rounded as Intl.StringNumericLiteral,
  );
}

/** `“name”` in typographic quotes, as the rest of the app's sentences quote names. */
export const quoted = (name: string) => `“${name}”`;

/** An option's display name by id (the id itself if it has gone). */
export function optionNamer(model: Scenario): (id: string) => string {
  const names = new Map(model.options.map((o) => [o.id, o.name]));
  return (id) => names.get(id) ?? id;
}

/**
 * The comparison in two or three sentences, read before the tables: the cheapest strategy today
 * and against the baseline, and the lowest NPV of cost over the horizon.
 */
export function comparisonSummary(
  model: Scenario,
  result: ScenarioResult,
  currency: string,
): string {
  const [baseline, ...others] = result.strategies;
  if (!baseline) return 'This scenario has no strategy to compare.';
  const money = (v: string) => formatMoney(v, currency);
  if (others.length === 0) {
    return `There is one strategy, ${quoted(baseline.name)}: ${money(baseline.runRate.total)} a month. Add another to compare.`;
  }
  const cheapest = lowestBy(result.strategies, (s) => s.runRate.total);
  const npv = lowestBy(result.strategies, (s) => s.timeline.npv);
  const perM =
    cheapest.costPerMTokens === null ? '' : ` (${money(cheapest.costPerMTokens)} per 1M tokens)`;
  const savings = cheapest.vsBaseline
    ? `, ${money(cheapest.vsBaseline.runRateSavings)} a month less than the baseline`
    : ', the baseline itself';
  const ties = result.strategies.filter((s) =>
    new Dec(s.runRate.total).equals(cheapest.runRate.total),
  );
  const tieNote =
    ties.length > 1
      ? ` ${ties.length} strategies share that lowest cost: ${ties.map((s) => quoted(s.name)).join(', ')}.`
      : '';
  const months = model.settings.horizonMonths;
  return (
    `${countOf(result.strategies.length, 'strategy', 'strategies')} compared with the baseline ${quoted(baseline.name)}. ` +
    `Cheapest today: ${quoted(cheapest.name)} at ${money(cheapest.runRate.total)} a month${perM}${savings}.${tieNote} ` +
    `Lowest cost over ${countOf(months, 'month')} in today's money (NPV): ${quoted(npv.name)}, ${money(npv.timeline.npv)}.`
  );
}

/** The first item with the least value (exact decimal comparison); `items` is not empty. */
function lowestBy<T>(items: readonly T[], value: (item: T) => string): T {
  let best = items[0] as T;
  let bestValue = new Dec(value(best));
  for (const item of items) {
    const v = new Dec(value(item));
    if (v.lessThan(bestValue)) {
      best = item;
      bestValue = v;
    }
  }
  return best;
}

/**
 * "1 more GPU and 0.5 more FTE than the pool", "9 fewer GPUs than the pool, the same staff",
 * "the same number of GPUs as the pool, 1 more FTE", "the same GPUs and staff as the pool".
 */
function differenceWords(gpus: number, fte: string): string {
  const f = new Dec(fte);
  const staff = `${fteNumber(f.abs().toFixed())} ${f.isPositive() ? 'more' : 'fewer'} FTE`;
  const n = Math.abs(gpus);
  const gpuWords = `${wholeNumber(n)} ${gpus > 0 ? 'more' : 'fewer'} GPU${n === 1 ? '' : 's'}`;
  if (gpus === 0 && f.isZero()) return 'the same GPUs and staff as the pool';
  if (gpus === 0) return `the same number of GPUs as the pool, ${staff}`;
  if (f.isZero()) return `${gpuWords} than the pool, the same staff`;
  return `${gpuWords} and ${staff} than the pool`;
}

/**
 * The fragmentation statement of one strategy, in words with money: what its deployments need,
 * what the cheapest single pool would need, and the difference a month.
 */
export function fragmentationSentence(
  strategyName: string,
  f: FragmentationResult,
  optionName: (id: string) => string,
  currency: string,
): string {
  const money = (v: string | Dec) => formatMoney(typeof v === 'string' ? v : v.toFixed(), currency);
  const extra = new Dec(f.extra.runRate.total);
  const start =
    `${quoted(strategyName)} runs ${f.deployments.length} self-hosted deployments: ` +
    `${countOf(f.portfolio.gpus, 'GPU')} and ${formatFte(f.portfolio.fte)}, ${money(f.portfolio.runRate.total)} a month. ` +
    `Pooling the same traffic on ${optionName(f.pool.optionId)}, the cheapest of them as a single pool, would need ` +
    `${countOf(f.pool.gpus, 'GPU')} and ${formatFte(f.pool.fte)}, ${money(f.pool.runRate.total)} a month`;
  const difference = differenceWords(f.extra.gpus, f.extra.fte);
  if (extra.isZero()) return `${start}: fragmentation costs nothing here (${difference}).`;
  if (extra.isNegative()) {
    return (
      `${start}: here splitting the traffic is cheaper, by ${money(extra.neg())} a month ` +
      `(${difference}).`
    );
  }
  return (
    `${start}: fragmentation costs ${money(extra)} a month, ${money(extra.mul(12))} a year ` +
    `(${difference}).`
  );
}
