import { Dec, MILLION, sumDec } from './decimal';
import type { DriverTable, StatedApiPrice } from './claim-audit-source-types';
import { daysPerPeriod } from './claim-audit-month-conventions';
import type { MonthConvention } from './claim-audit-month-conventions';
import { ASSUMED_INPUT_SHARE, blendedPrice } from './claim-audit-stated-price';
import { columnOf, isUsageName } from './claim-audit-table-lines';

/**
 * A table by cost driver read as a cost model of volume: the API's usage rows ("inference")
 * grow in proportion to volume, every other row is fixed, as such tables' notes say ("API
 * variable; self-hosted fixed GPU hardware"). Amounts are per the table's period.
 */
export type DriverSplit = {
  apiVariable: Dec;
  apiFixed: Dec;
  self: Dec;
  variableDrivers: string[];
};

export function splitDrivers(table: DriverTable): DriverSplit | null {
  const api = columnOf(table.columns, 'api');
  const self = columnOf(table.columns, 'selfHost');
  if (api === null || self === null) return null;
  const amount = (row: DriverTable['rows'][number], key: string) =>
    row.amounts.find((a) => a.column === key)?.amount ?? new Dec(0);
  const variable = table.rows.filter((r) => isUsageName(r.driver));
  const fixed = table.rows.filter((r) => !isUsageName(r.driver));
  const selfTotal =
    table.total?.amounts.find((a) => a.column === self.column.key)?.amount ??
    sumDec(table.rows.map((r) => amount(r, self.column.key)));
  return {
    apiVariable: sumDec(variable.map((r) => amount(r, api.column.key))),
    apiFixed: sumDec(fixed.map((r) => amount(r, api.column.key))),
    self: selfTotal,
    variableDrivers: variable.map((r) => r.driver),
  };
}

/** The price per 1M the audit applies to a stated price: the single price, or the 3:1 blend. */
export function appliedPrice(price: StatedApiPrice): Dec {
  return blendedPrice(price, ASSUMED_INPUT_SHARE);
}

/**
 * The volume (tokens/day) the API usage rows imply at a price per 1M:
 * `variable / price * 1e6 / days in the period`, or null at a zero price.
 *
 * @example 1,200,000 a year at $5 per 1M, 365 days -> 240e9 / 365 = 657,534,246.58 tokens/day
 */
export function impliedTokensPerDay(
  variable: Dec,
  perM: Dec,
  period: 'month' | 'year',
  convention: MonthConvention,
): Dec | null {
  if (perM.isZero()) return null;
  return variable.div(perM).mul(MILLION).div(daysPerPeriod(period, convention));
}
