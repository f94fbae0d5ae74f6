import { Dec, toPlain } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFigure, AuditFinding } from './claim-audit-result';
import {
  writeMoney,
  writeNumber,
  writePercent,
  writePrice,
  writeTokens,
} from './claim-audit-words';
import { checkDriverSums } from './claim-audit-check-sums';
import type { DriverTable, StatedApiPrice } from './claim-audit-source-types';
import { appliedPrice, impliedTokensPerDay, splitDrivers } from './claim-audit-driver-lines';
import { hoursPerPeriod, MONTH_CONVENTIONS, CALENDAR_MONTH } from './claim-audit-month-conventions';
import { statedPriceWords } from './claim-audit-recompute-tier-api';
import { isSinglePrice } from './claim-audit-stated-price';
import { columnLabel, columnOf, isComputeName, lineLabel } from './claim-audit-table-lines';

const TWELVE = new Dec(12);

/**
 * A table by cost driver at one volume (budgets-shifted-2026's annual table): sums, the other
 * period, the break-even from scaling the API's usage rows, the volume the stated price implies,
 * and what cannot be derived (per FTE, per GPU-hour) with why.
 */
export function auditDriverTable(table: DriverTable, price: StatedApiPrice | null): AuditFinding[] {
  const money = (d: Dec) => writeMoney(d, table.currency);
  const out = checkDriverSums(table);
  const totals = table.columns.map((c) => {
    const stated = table.total?.amounts.find((a) => a.column === c.key)?.amount;
    const sum = table.rows.reduce(
      (acc, r) => acc.plus(r.amounts.find((a) => a.column === c.key)?.amount ?? 0),
      new Dec(0),
    );
    return { column: c, total: stated ?? sum };
  });
  const other = table.period === 'year' ? 'month' : 'year';
  const convert = (d: Dec) => (table.period === 'year' ? d.div(TWELVE) : d.mul(TWELVE));
  out.push(
    finding(
      'annual',
      'derived',
      `Totals per ${other}`,
      `The table is per ${table.period}; per ${other} (${table.period === 'year' ? '÷ 12' : '× 12'}): ${totals.map((t) => `${columnLabel(t.column)} ${money(convert(t.total))}`).join('; ')}.`,
      totals.map((t) => ({
        label: `${lineLabel(t.column.key)} per ${other}`,
        value: toPlain(convert(t.total)),
        unit: 'money' as const,
      })),
    ),
  );

  const split = splitDrivers(table);
  if (split === null) {
    out.push(
      finding(
        'break-even',
        'unchecked',
        'Break-even',
        'The table has no pair of API and self-hosted columns, so no break-even can be read from it.',
      ),
    );
  } else if (split.apiVariable.isZero()) {
    out.push(
      finding(
        'break-even',
        'unchecked',
        'Break-even',
        'The API column has no usage row (such as "inference") that grows with volume, so the table implies no break-even.',
      ),
    );
  } else {
    const k = split.self.minus(split.apiFixed).div(split.apiVariable);
    const lines = split.variableDrivers.map(lineLabel).join(' and ');
    const method = `Method: the API's ${lines} row grows in proportion to volume and every other row (the whole self-hosted column) stays fixed, as the table's notes describe; real self-hosted costs step up with GPUs and staff.`;
    const need = split.self.minus(split.apiFixed);
    let text = `The totals meet when the API's ${lines} row is ${money(need)} (self-hosted ${money(split.self)} − the API's fixed rows ${money(split.apiFixed)}), ${writePercent(k)} of the published ${money(split.apiVariable)}: `;
    text += k.lessThan(1)
      ? `self-hosting is cheaper from ${writePercent(k)} of the table's volume up.`
      : `the API stays cheaper until the volume is ${writePercent(k)} of the table's.`;
    const figures: AuditFigure[] = [
      { label: 'break-even, share of the table volume', value: toPlain(k), unit: 'share' },
    ];
    if (price !== null && !appliedPrice(price).isZero()) {
      const perM = appliedPrice(price);
      const volumes = MONTH_CONVENTIONS.map((c) => ({
        c,
        base: impliedTokensPerDay(split.apiVariable, perM, table.period, c)!,
      }));
      text += ` At the stated ${writePrice(perM, table.currency)} per 1M that is ${volumes.map((v) => `${writeTokens(v.base.mul(k))} tokens/day (${v.c.id === 'calendar' ? '365 days a year' : '360 days a year'})`).join(' or ')}.`;
      figures.push(
        ...volumes.map((v) => ({
          label: `break-even tokens/day, ${v.c.label}`,
          value: toPlain(v.base.mul(k)),
          unit: 'tokensPerDay' as const,
        })),
      );
    } else {
      text +=
        ' The table states neither its volume nor an API price, so this cannot be put in tokens/day.';
    }
    out.push(
      finding(
        'break-even',
        'derived',
        'Break-even implied by the table',
        `${text} ${method}`,
        figures,
      ),
    );

    if (price !== null) {
      const perM = appliedPrice(price);
      const mix = isSinglePrice(price)
        ? ''
        : ' at 3 input tokens to 1 output (input share 75%, assumed)';
      const volumes = MONTH_CONVENTIONS.map((c) => ({
        c,
        v: impliedTokensPerDay(split.apiVariable, perM, table.period, c),
      }));
      const known = volumes.filter((x): x is { c: (typeof x)['c']; v: Dec } => x.v !== null);
      out.push(
        finding(
          'recompute',
          known.length === 0 ? 'unchecked' : 'derived',
          'Volume implied by the stated price',
          known.length === 0
            ? `The stated price is zero, so the API's ${lines} row cannot be turned into a volume.`
            : `The table states no volume. At the stated ${statedPriceWords(price, table.currency)}${mix}, the API's ${money(split.apiVariable)} ${lines} row a ${table.period} is ${known.map((x) => `${writeTokens(x.v)} tokens/day (${x.c.id === 'calendar' ? '365 days a year' : '360 days a year'})`).join(' or ')}. Nothing in the table can confirm or contradict the price itself.`,
          known.map((x) => ({
            label: `tokens/day, ${x.c.label}`,
            value: toPlain(x.v),
            unit: 'tokensPerDay' as const,
          })),
        ),
      );
    } else {
      out.push(
        finding(
          'recompute',
          'unchecked',
          'Recomputation at stated prices',
          'The source states no API price per token, so the API rows cannot be recomputed.',
        ),
      );
    }
  }

  out.push(
    finding(
      'fte',
      'unchecked',
      'Cost per FTE',
      'The table gives no staff counts, so no cost per FTE can be derived.',
    ),
  );
  const self = columnOf(table.columns, 'selfHost');
  const compute = self === null ? undefined : table.rows.find((r) => isComputeName(r.driver));
  const amount = compute?.amounts.find((a) => a.column === self?.column.key)?.amount;
  const hours = hoursPerPeriod(table.period, CALENDAR_MONTH);
  out.push(
    compute === undefined || amount === undefined
      ? finding(
          'gpu-hour',
          'unchecked',
          'Price per GPU-hour',
          'The table has no self-hosted compute row and no GPU count, so no price per GPU-hour can be derived.',
        )
      : finding(
          'gpu-hour',
          'unchecked',
          'Price per GPU-hour',
          `The table gives no GPU count or GPU-hours, so no price per GPU-hour can be derived. The self-hosted ${lineLabel(compute.driver)} row is ${money(amount)} a ${table.period} = ${writePrice(amount.div(hours), table.currency)} per hour (${writeNumber(hours, 0)} hours ${table.period === 'year' ? 'in a 365-day year' : `in a month (${CALENDAR_MONTH.label})`}) for all GPUs together.`,
          [
            {
              label: `${lineLabel(compute.driver)} per hour`,
              value: toPlain(amount.div(hours)),
              unit: 'moneyPerHour',
            },
          ],
        ),
  );
  return out;
}
