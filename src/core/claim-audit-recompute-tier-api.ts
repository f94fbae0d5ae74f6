import { MILLION, toPlain } from './decimal';
import { Dec } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import {
  writeMoney,
  writeNumber,
  writePercent,
  writePrice,
  writeTokens,
} from './claim-audit-words';
import type { StatedApiPrice, TierTable } from './claim-audit-source-types';
import { daysPerPeriod, MONTH_CONVENTIONS } from './claim-audit-month-conventions';
import type { MonthConvention } from './claim-audit-month-conventions';
import {
  ASSUMED_INPUT_SHARE,
  blendedPrice,
  inputShareForPrice,
  isSinglePrice,
} from './claim-audit-stated-price';
import { cellTotal, columnOf, lineLabel, sidePoints, usageLine } from './claim-audit-table-lines';
import type { SidePoint } from './claim-audit-table-lines';
import { auditTierBreakEven } from './claim-audit-tier-break-even';

/** "$3.00 input / $15.00 output per 1M (from stated_assumptions...)". */
export function statedPriceWords(price: StatedApiPrice, currency: string): string {
  const what = isSinglePrice(price)
    ? `${writePrice(price.inputPerM, currency)} per 1M tokens`
    : `${writePrice(price.inputPerM, currency)} input / ${writePrice(price.outputPerM, currency)} output per 1M tokens`;
  return `${what} (${price.from})`;
}

/**
 * The API usage line recomputed from the source's own stated prices at each tier, with the
 * split assumed (3 input : 1 output unless one price covers both) and the input share at which
 * the published line would be right, if any; then the break-even with those lines.
 *
 * @example 100M tokens/day, 30-day months, $3/$15 at 3:1 -> 3,000M tokens × $6 = $18,000 a month
 */
export function auditTierRecompute(
  table: TierTable,
  price: StatedApiPrice,
  convention: MonthConvention,
): AuditFinding[] {
  const api = columnOf(table.columns, 'api');
  if (api === null) return [];
  const single = isSinglePrice(price);
  const assumed = blendedPrice(price, ASSUMED_INPUT_SHARE);
  const other = MONTH_CONVENTIONS.find((c) => c.id !== convention.id)!;
  const period = table.period === 'month' ? 'a month' : 'a year';
  const money = (d: Dec) => writeMoney(d, table.currency);
  const recomputed = new Map<number, Dec>();
  const out: AuditFinding[] = [];
  table.tiers.forEach((tier, index) => {
    const line = usageLine(tier.cells[api.index]!);
    if (line === null || tier.tokensPerDay.isZero()) return;
    const millions = tier.tokensPerDay.mul(daysPerPeriod(table.period, convention)).div(MILLION);
    const otherMillions = tier.tokensPerDay.mul(daysPerPeriod(table.period, other)).div(MILLION);
    const expected = millions.mul(assumed);
    recomputed.set(index, expected);
    const implied = line.amount.div(millions);
    const split = inputShareForPrice(price, implied);
    const low = millions.mul(Dec.min(price.inputPerM, price.outputPerM));
    const high = millions.mul(Dec.max(price.inputPerM, price.outputPerM));
    const mix = single
      ? ''
      : `, with 3 input tokens to 1 output (input share ${writePercent(ASSUMED_INPUT_SHARE, 0)}, an assumption: the source states no split)`;
    let text = `At the stated ${statedPriceWords(price, table.currency)}${mix}, ${writeTokens(millions.mul(MILLION))} tokens ${period} (${writeTokens(tier.tokensPerDay)} a day, ${convention.label}) cost ${writePrice(assumed, table.currency)} per 1M = ${money(expected)} ${period} (${money(otherMillions.mul(assumed))} with ${other.label}); the table says ${money(line.amount)}, which is ${writePrice(implied, table.currency)} per 1M.`;
    let status: 'consistent' | 'inconsistent';
    const same = line.amount.toDecimalPlaces(2).equals(expected.toDecimalPlaces(2));
    if (split.kind === 'any' || same) {
      status = 'consistent';
      text += ' The stated line matches.';
    } else if (split.kind === 'at') {
      status = 'consistent';
      text += ` All input would be ${money(low)} and all output ${money(high)}; the stated line is right only if ${writePercent(split.inputShare)} of the tokens are input.`;
    } else {
      status = 'inconsistent';
      const top = Dec.max(price.inputPerM, price.outputPerM);
      const bottom = Dec.min(price.inputPerM, price.outputPerM);
      const where = implied.greaterThan(top)
        ? `${writeNumber(implied.div(top))} times the higher stated price`
        : `${writePercent(implied.div(bottom))} of the lower stated price`;
      text += single
        ? expected.isZero()
          ? ' At a stated price of zero the line would be zero.'
          : ` The line is ${writeNumber(line.amount.div(expected))} times what the stated price gives.`
        : ` All input would be ${money(low)} and all output ${money(high)}: no split of input and output reproduces ${money(line.amount)}, which needs ${writePrice(implied, table.currency)} per 1M, ${where}.`;
    }
    out.push(
      finding(
        'recompute',
        status,
        `API line “${lineLabel(line.key)}” at ${writeTokens(tier.tokensPerDay)} tokens/day, at the stated prices`,
        text,
        [
          { label: 'stated line', value: toPlain(line.amount), unit: 'money' },
          { label: `recomputed, ${convention.label}`, value: toPlain(expected), unit: 'money' },
          {
            label: `recomputed, ${other.label}`,
            value: toPlain(otherMillions.mul(assumed)),
            unit: 'money',
          },
          { label: 'all input', value: toPlain(low), unit: 'money' },
          { label: 'all output', value: toPlain(high), unit: 'money' },
          { label: 'implied per 1M', value: toPlain(implied), unit: 'moneyPerMTokens' },
          ...(split.kind !== 'any' && split.inputShare !== null
            ? [
                {
                  label: 'input share that gives the stated line',
                  value: toPlain(split.inputShare),
                  unit: 'share' as const,
                },
              ]
            : []),
        ],
      ),
    );
  });
  const points = sidePoints(table);
  if (points !== null && recomputed.size === table.tiers.length) {
    const replaced: SidePoint[] = points.map((p, i) => {
      const cell = table.tiers[i]!.cells[api.index]!;
      const line = usageLine(cell)!;
      return { ...p, api: cellTotal(cell).minus(line.amount).plus(recomputed.get(i)!) };
    });
    const mix = single ? '' : ` at input share ${writePercent(ASSUMED_INPUT_SHARE, 0)}`;
    out.push(
      auditTierBreakEven(
        replaced,
        table.currency,
        'Break-even with the API line at the stated prices',
        `With each tier's API usage line replaced by the stated prices${mix} (${convention.label}) and every other line as published:`,
      ),
    );
  }
  return out;
}
