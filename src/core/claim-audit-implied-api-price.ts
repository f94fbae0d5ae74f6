import { MILLION, toPlain } from './decimal';
import type { Dec } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import { writeMoney, writePrice, writeTokens } from './claim-audit-words';
import type { TierTable } from './claim-audit-source-types';
import { daysPerPeriod, MONTH_CONVENTIONS } from './claim-audit-month-conventions';
import type { MonthConvention } from './claim-audit-month-conventions';
import { columnOf, lineLabel, usageLine } from './claim-audit-table-lines';

/** Most decimal places a quoted price per 1M tokens has; more means no one quoted it. */
const QUOTED_PLACES = 4;

export type ImpliedPrice = { convention: MonthConvention; tokens: Dec; perM: Dec };
export type ImpliedApiPriceRow = {
  tokensPerDay: Dec;
  lineKey: string;
  amount: Dec;
  prices: ImpliedPrice[];
};

/**
 * The price per 1M tokens the API usage line implies at each tier:
 * `usage / (tokensPerDay * days in the period / 1e6)`, under both month conventions.
 *
 * @example 9,000 a month at 10M tokens/day: 30-day months 300M tokens -> $30 per 1M exactly;
 * 365/12 days 304,166,666.67 tokens -> $29.589 per 1M.
 */
export function impliedApiPrices(table: TierTable): ImpliedApiPriceRow[] {
  const api = columnOf(table.columns, 'api');
  if (api === null) return [];
  return table.tiers.flatMap((tier) => {
    const line = usageLine(tier.cells[api.index]!);
    if (line === null || tier.tokensPerDay.isZero()) return [];
    const prices = MONTH_CONVENTIONS.map((convention) => {
      const tokens = tier.tokensPerDay.mul(daysPerPeriod(table.period, convention));
      return { convention, tokens, perM: line.amount.div(tokens.div(MILLION)) };
    });
    return [{ tokensPerDay: tier.tokensPerDay, lineKey: line.key, amount: line.amount, prices }];
  });
}

/**
 * The month convention that explains the table: the one under which every tier's implied price
 * is the same quoted figure (at most four decimal places), or null when none or both do.
 */
export function explainingConvention(rows: readonly ImpliedApiPriceRow[]): MonthConvention | null {
  if (rows.length === 0) return null;
  const fits = MONTH_CONVENTIONS.filter((c) => {
    const prices = rows.map((r) => r.prices.find((p) => p.convention.id === c.id)!.perM);
    const first = prices[0]!;
    return first.decimalPlaces() <= QUOTED_PLACES && prices.every((p) => p.equals(first));
  });
  return fits.length === 1 ? fits[0]! : null;
}

/** One finding per tier (the implied price) and one saying which month length explains them. */
export function auditApiPrices(table: TierTable): AuditFinding[] {
  const rows = impliedApiPrices(table);
  if (rows.length === 0) {
    return [
      finding(
        'api-price',
        'unchecked',
        'API price per 1M tokens',
        'The table has no API usage line with a volume, so no price per 1M tokens can be derived.',
      ),
    ];
  }
  const period = table.period === 'month' ? 'a month' : 'a year';
  const out = rows.map((row) => {
    const [calendar, thirty] = row.prices as [ImpliedPrice, ImpliedPrice];
    return finding(
      'api-price',
      'derived',
      `API price implied at ${writeTokens(row.tokensPerDay)} tokens/day`,
      `${writeMoney(row.amount, table.currency)} ${period} of ${lineLabel(row.lineKey)} over ${writeTokens(calendar.tokens)} tokens (${writeTokens(row.tokensPerDay)} a day, ${calendar.convention.label}) is ${writePrice(calendar.perM, table.currency)} per 1M; over ${writeTokens(thirty.tokens)} tokens (${thirty.convention.label}) it is ${writePrice(thirty.perM, table.currency)} per 1M.`,
      [
        { label: lineLabel(row.lineKey), value: toPlain(row.amount), unit: 'money' },
        ...row.prices.flatMap((p) => [
          {
            label: `tokens, ${p.convention.label}`,
            value: toPlain(p.tokens),
            unit: 'tokens' as const,
          },
          {
            label: `per 1M, ${p.convention.label}`,
            value: toPlain(p.perM),
            unit: 'moneyPerMTokens' as const,
          },
        ]),
      ],
    );
  });
  const explains = explainingConvention(rows);
  const first = rows[0]!;
  if (explains !== null) {
    const price = first.prices.find((p) => p.convention.id === explains.id)!.perM;
    const other = first.prices.find((p) => p.convention.id !== explains.id)!;
    out.push(
      finding(
        'api-price',
        'derived',
        'Which month length explains the API line',
        `With ${explains.label}, ${rows.length > 1 ? 'every tier gives' : 'the line gives'} exactly ${writePrice(price, table.currency)} per 1M tokens, a quoted-looking figure: the table was most likely built on ${explains.label}. With ${other.convention.label} the same line is ${writePrice(other.perM, table.currency)} per 1M.`,
        [{ label: `per 1M, ${explains.label}`, value: toPlain(price), unit: 'moneyPerMTokens' }],
      ),
    );
  } else if (rows.length > 1) {
    out.push(
      finding(
        'api-price',
        'derived',
        'Which month length explains the API line',
        'Neither month length gives one round price per 1M tokens at every tier: the API line is not a single price times the volume, or the price is not a round figure.',
      ),
    );
  }
  return out;
}
