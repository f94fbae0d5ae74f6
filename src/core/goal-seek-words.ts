import { Dec, MILLION, toPlain } from './decimal';
import { daysPerMonth } from './calendar';
import { computeStrategyRunRate } from './run-rate';
import type { StrategyRunRate } from './run-rate';
import type { CostParts } from './cost-parts';
import type { BreakEvenAtK, CrossingAtK } from './break-even';
import { describeInput } from './input-refs';
import { countWords, formatInputValue, formatMoney, partName } from './analysis-text';
import { HALF_CENT, gapSign } from './goal-seek-search';
import type { Sample } from './goal-seek-search';
import { volumeText } from './strategy-pair';
import type { StrategyPair } from './strategy-pair';
import type { Axis, GoalSeekMeasure } from './goal-seek';
import type { Strategy } from './model';

/**
 * The explanations of goal seek results, in plain words (issue 6: "no value in range" must be
 * explained). Gaps are C - B: positive when the chosen strategy C costs more than the baseline B.
 */
export type WordsContext = {
  pair: StrategyPair;
  axis: Axis;
  measure: GoalSeekMeasure;
  currency: string;
  costs: (v: Dec) => { baseline: Dec; strategy: Dec };
};

const quote = (s: Strategy) => `"${s.name}"`;

function per(ctx: WordsContext): string {
  return ctx.measure === 'runRate'
    ? 'a month'
    : `in NPV over the ${ctx.pair.scenario.settings.horizonMonths}-month horizon`;
}

function value(ctx: WordsContext, v: Dec): string {
  return formatInputValue(v, ctx.axis.unit, ctx.currency);
}

/** Twelve significant digits: enough to show the two ends of a 1e-9 bracket apart. */
function precise(v: Dec): string {
  return toPlain(v.toSignificantDigits(12, Dec.ROUND_HALF_UP));
}

function money(ctx: WordsContext, v: Dec): string {
  return formatMoney(v.abs(), ctx.currency);
}

/** "costs USD 5.00 a month more than "B"" or "... less than ...". */
function gapWords(ctx: WordsContext, gap: Dec): string {
  const { baseline } = ctx.pair;
  if (gapSign(gap) === 0) return `costs the same as ${quote(baseline)} ${per(ctx)}`;
  const side = gap.isPositive() ? 'more' : 'less';
  if (ctx.measure === 'runRate') {
    return `costs ${money(ctx, gap)} a month ${side} than ${quote(baseline)}`;
  }
  return `costs ${money(ctx, gap)} ${side} than ${quote(baseline)} ${per(ctx)}`;
}

function rangeWords(ctx: WordsContext): string {
  const { axis } = ctx;
  const note = axis.rangeNote ? ` (${axis.rangeNote})` : '';
  return `from ${value(ctx, axis.low)} to ${value(ctx, axis.high)}${note}`;
}

export function describeFlat(
  ctx: WordsContext,
  gap: Dec,
  mode: 'timelineOnly' | 'flat' | 'equal',
): string {
  const { axis, pair } = ctx;
  if (mode === 'equal') {
    return (
      `${quote(pair.strategy)} and ${quote(pair.baseline)} cost the same whatever ${axis.label}: ` +
      `changing it does not change the gap, which is 0 ${per(ctx)}.`
    );
  }
  if (mode === 'timelineOnly') {
    return (
      `${capitalise(axis.label)} changes only the timeline and NPV, not the monthly run-rate: ` +
      `${quote(pair.strategy)} ${gapWords(ctx, gap)} whatever its value. Seek it on the NPV ` +
      `instead.`
    );
  }
  return (
    `Changing ${axis.label} does not change the gap: ${quote(pair.strategy)} ` +
    `${gapWords(ctx, gap)} at every value ${rangeWords(ctx)}.`
  );
}

/**
 * A solution: where the two cost the same, how it was found, and which is cheaper today.
 */
export function describeSolution(
  ctx: WordsContext,
  at: Dec,
  how: 'linear' | 'hit' | 'approximate' | 'breakEven',
  gap: (v: Dec) => Dec,
  bracket?: { low: Sample; high: Sample },
): string {
  const { axis, pair } = ctx;
  const parts: string[] = [];
  parts.push(
    `${quote(pair.strategy)} and ${quote(pair.baseline)} cost the same ${per(ctx)} with ` +
      `${axis.label} at ${value(ctx, at)} (today ${value(ctx, axis.current)}).`,
  );
  if (how === 'linear') {
    parts.push(
      `The gap is linear in this value, so the answer is exact: it was solved in decimals and ` +
        `the gap there is ${money(ctx, gap(at))}.`,
    );
  } else if (how === 'hit') {
    parts.push('At this value the gap is exactly 0.');
  } else if (how === 'approximate' && bracket) {
    parts.push(
      `Approximate (bisection to 1e-9 relative): the gap changes sign between ` +
        `${precise(bracket.low.value)} and ${precise(bracket.high.value)}.`,
    );
  } else if (how === 'breakEven') {
    parts.push(
      `That is ${formatInputValue(at.mul(axis.volumeTotal), 'tokensPerDay', ctx.currency)} in ` +
        `total, the break-even volume ` +
        `(DESIGN 3.5): from there up ${quote(pair.strategy)} costs no more than ` +
        `${quote(pair.baseline)}.`,
    );
  }
  const scaled = scaledValues(ctx, at);
  if (scaled) parts.push(scaled);
  const now = gap(axis.current);
  if (gapSign(now) !== 0) {
    const cheaper = now.isPositive() ? pair.baseline : pair.strategy;
    parts.push(`Today ${quote(cheaper)} is cheaper by ${money(ctx, now)} ${per(ctx)}.`);
  }
  return parts.join(' ');
}

/** For a price scale, the resulting prices ("That is input price ... USD 1.00, ..."). */
function scaledValues(ctx: WordsContext, at: Dec): string | null {
  const { axis } = ctx;
  if (axis.unit !== 'factor' || axis.isVolume) return null;
  const listed = axis.applied(at).map((a) => {
    const label = describeInput(ctx.pair.scenario, a.ref)?.label ?? a.key;
    return `${label} ${formatInputValue(new Dec(a.value), 'money', ctx.currency)}`;
  });
  return `That is ${listed.join(', ')}.`;
}

/**
 * A jump across zero: the gaps on both sides and what changes there (replicas, staff), read from
 * the run-rates just below and just above the step.
 */
export function describeStep(ctx: WordsContext, low: Sample, high: Sample): string {
  const { axis, pair } = ctx;
  const lead = axis.integer
    ? `No whole number for ${axis.label} makes them cost the same. With ${value(ctx, low.value)}, ` +
      `${quote(pair.strategy)} ${gapWords(ctx, low.gap)}; with ${value(ctx, high.value)}, it ` +
      `${gapWords(ctx, high.gap)}.`
    : `No value of ${axis.label} makes them cost the same: the gap jumps across zero at ` +
      `${value(ctx, high.value)}. Just below, ${quote(pair.strategy)} ${gapWords(ctx, low.gap)}; ` +
      `just above, it ${gapWords(ctx, high.gap)}.`;
  const causes = stepCauses(ctx, low.value, high.value);
  if (causes.length > 0) return `${lead} At ${value(ctx, high.value)} ${causes.join('; ')}.`;
  if (ctx.measure === 'npv') {
    return `${lead} The jump comes from a replica or staff step in some month of the horizon.`;
  }
  return lead;
}

function stepCauses(ctx: WordsContext, lowValue: Dec, highValue: Dec): string[] {
  const { axis, pair } = ctx;
  const sLow = axis.apply(lowValue);
  const sHigh = axis.apply(highValue);
  const out: string[] = [];
  const strategies: [Strategy, boolean][] = [
    [pair.strategy, axis.touchesC],
    [pair.baseline, axis.touchesB],
  ];
  for (const [strategy, touched] of strategies) {
    if (!touched) continue;
    const before = computeStrategyRunRate(sLow, strategy);
    const after = computeStrategyRunRate(sHigh, strategy);
    const change = after.total.minus(before.total);
    if (change.abs().lessThanOrEqualTo(HALF_CENT)) continue;
    const why = [...replicaChanges(before, after), ...staffChanges(ctx, before, after)];
    out.push(
      `the cost of ${quote(strategy)} ${change.isPositive() ? 'rises' : 'drops'} by ` +
        `${formatMoney(change.abs(), ctx.currency)} a month` +
        (why.length > 0 ? ` as ${why.join(' and ')}` : ''),
    );
  }
  return out;
}

function replicaChanges(before: StrategyRunRate, after: StrategyRunRate): string[] {
  const out: string[] = [];
  for (const o of after.byOption) {
    const was = before.byOption.find((b) => b.option.id === o.option.id)?.cost.sizing?.replicas;
    const now = o.cost.sizing?.replicas;
    if (!was || !now || was.equals(now)) continue;
    const d = now.minus(was);
    const n = d.abs().toNumber();
    out.push(
      `"${o.option.name}" needs ${countWords(n)} replica${n === 1 ? '' : 's'} ` +
        `${d.isPositive() ? 'more' : 'fewer'} (${now.toFixed()} instead of ${was.toFixed()})`,
    );
  }
  return out;
}

function staffChanges(
  ctx: WordsContext,
  before: StrategyRunRate,
  after: StrategyRunRate,
): string[] {
  const was = before.parts.engineering;
  const now = after.parts.engineering;
  if (was.minus(now).abs().lessThanOrEqualTo(HALF_CENT)) return [];
  return [
    `staff ${now.greaterThan(was) ? 'rise' : 'fall'} from ${formatMoney(was, ctx.currency)} to ` +
      `${formatMoney(now, ctx.currency)} a month`,
  ];
}

/**
 * No sign change in range: how close it gets, and (on the run-rate) the part of the dearer
 * strategy's cost that keeps it dearer ("because its staff alone cost ...").
 */
export function describeNoSolution(ctx: WordsContext, low: Sample, high: Sample): string {
  const { axis, pair } = ctx;
  const dearer = low.gap.isPositive();
  // The end where C comes closest to B (dearer) or is least ahead (cheaper).
  const best = dearer === low.gap.lessThan(high.gap) ? low : high;
  const scanNote = axis.linear
    ? ''
    : ' (A scan of the range found no sign change; one narrower than its spacing could be missed.)';
  const lead = dearer
    ? `No value of ${axis.label} ${rangeWords(ctx)} makes ${quote(pair.strategy)} as cheap as ` +
      `${quote(pair.baseline)}: even at ${value(ctx, best.value)} it ${gapWords(ctx, best.gap)}.`
    : `At every value of ${axis.label} ${rangeWords(ctx)} ${quote(pair.strategy)} is the ` +
      `cheaper: even at ${value(ctx, best.value)} it ${gapWords(ctx, best.gap)}.`;
  if (ctx.measure !== 'runRate') return lead + scanNote;
  const s = axis.apply(best.value);
  const c = computeStrategyRunRate(s, pair.strategy);
  const b = computeStrategyRunRate(s, pair.baseline);
  const [winner, loser, loserRun, winnerRun] = dearer
    ? [pair.baseline, pair.strategy, c, b]
    : [pair.strategy, pair.baseline, b, c];
  const [name, amount] = largestPart(loserRun.parts);
  const because =
    amount.greaterThanOrEqualTo(winnerRun.total) && amount.isPositive()
      ? ` That is because the ${partName(name)} of ${quote(loser)} alone cost ` +
        `${formatMoney(amount, ctx.currency)} a month, more than all of ${quote(winner)} ` +
        `(${formatMoney(winnerRun.total, ctx.currency)}).`
      : ` There ${quote(loser)} costs ${formatMoney(loserRun.total, ctx.currency)} a month ` +
        `(${partsWords(ctx, loserRun.parts)}) against ${formatMoney(winnerRun.total, ctx.currency)} ` +
        `for ${quote(winner)}.`;
  return lead + because + scanNote;
}

function largestPart(parts: CostParts): [keyof CostParts, Dec] {
  let best: [keyof CostParts, Dec] = ['api', parts.api];
  for (const key of Object.keys(parts) as (keyof CostParts)[]) {
    if (parts[key].greaterThan(best[1])) best = [key, parts[key]];
  }
  return best;
}

function partsWords(ctx: WordsContext, parts: CostParts): string {
  return (Object.keys(parts) as (keyof CostParts)[])
    .filter((k) => !parts[k].isZero())
    .map((k) => `${partName(k)} ${formatMoney(parts[k], ctx.currency)}`)
    .join(', ');
}

/** The volume scale when the break-even is "never" (DESIGN 3.5), with any volume range where it is cheaper. */
export function describeNeverByVolume(
  ctx: WordsContext,
  be: Extract<BreakEvenAtK, { kind: 'never' }>,
  crossings: readonly CrossingAtK[],
  gapAtTop: Dec,
): string {
  const { pair, axis } = ctx;
  const total = axis.volumeTotal;
  const perM = (m: Dec) => m.div(total).div(daysPerMonth(pair.scenario.settings)).mul(MILLION);
  const mc = perM(be.marginalC);
  const mb = perM(be.marginalB);
  const widens = mc.toDecimalPlaces(2).greaterThan(mb.toDecimalPlaces(2));
  let text =
    `Even at 1,000,000,000,000 tokens/day ${quote(pair.strategy)} costs ` +
    `${formatMoney(gapAtTop, ctx.currency)} a month more than ${quote(pair.baseline)}: every ` +
    `extra 1M tokens costs ${formatMoney(mc, ctx.currency)} with ${quote(pair.strategy)} against ` +
    `${formatMoney(mb, ctx.currency)} with ${quote(pair.baseline)}` +
    (widens
      ? ', so the gap only widens.'
      : ', but its higher fixed and step costs are not recovered.');
  const cheaperRanges: string[] = [];
  for (let i = 0; i < crossings.length; i++) {
    const down = crossings[i];
    const up = crossings[i + 1];
    if (down?.direction === 'down' && up?.direction === 'up') {
      cheaperRanges.push(`${volumeText(down.k, total)} to ${volumeText(up.k, total)} tokens/day`);
      i++;
    }
  }
  if (cheaperRanges.length > 0) {
    text += ` It is cheaper only from ${cheaperRanges.slice(0, 3).join(', from ')}.`;
  }
  return text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
