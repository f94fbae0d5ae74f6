import { sumDec, toPlain } from './decimal';
import { Dec } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import { writeMoney, writeTokens } from './claim-audit-words';
import type { DriverTable, TierTable } from './claim-audit-source-types';
import { columnLabel, lineLabel, lineSum } from './claim-audit-table-lines';

const TWELVE = new Dec(12);

/**
 * Do the parts add up to the stated total, and is the annual figure 12 times the monthly one?
 * Exact: published figures are compared as published, with no tolerance.
 *
 * @example a tier with lines 3,500 + 200 + 5,000 + 500 and total 9,200 -> consistent
 */
export function checkTierSums(table: TierTable): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const tier of table.tiers) {
    const at = `${writeTokens(tier.tokensPerDay)} tokens/day`;
    for (const cell of tier.cells) {
      const sum = lineSum(cell);
      const parts = cell.lines.map((l) => writeMoney(l.amount, table.currency)).join(' + ');
      const name = columnLabel(cell.column);
      const title = `Sum of the ${name} lines at ${at}`;
      const figures = [
        ...cell.lines.map((l) => ({
          label: lineLabel(l.key),
          value: toPlain(l.amount),
          unit: 'money' as const,
        })),
        { label: 'lines add up to', value: toPlain(sum), unit: 'money' as const },
      ];
      if (cell.total === null) {
        out.push(
          finding(
            'sum',
            'derived',
            title,
            `No total is published; the lines add up to ${parts} = ${writeMoney(sum, table.currency)}.`,
            figures,
          ),
        );
        continue;
      }
      figures.push({ label: 'stated total', value: toPlain(cell.total), unit: 'money' });
      const diff = cell.total.minus(sum);
      out.push(
        diff.isZero()
          ? finding(
              'sum',
              'consistent',
              title,
              `${parts} = ${writeMoney(sum, table.currency)}, the stated total.`,
              figures,
            )
          : finding(
              'sum',
              'inconsistent',
              title,
              `${parts} = ${writeMoney(sum, table.currency)}, but the stated total is ${writeMoney(cell.total, table.currency)} (${writeMoney(diff.abs(), table.currency)} ${diff.greaterThan(0) ? 'more' : 'less'} than the lines).`,
              figures,
            ),
      );
    }
    out.push(...checkAnnual(table, tier));
  }
  return out;
}

function checkAnnual(table: TierTable, tier: TierTable['tiers'][number]): AuditFinding[] {
  if (tier.annual.length === 0) return [];
  const out: AuditFinding[] = [];
  const at = `${writeTokens(tier.tokensPerDay)} tokens/day`;
  const factor = table.period === 'month' ? TWELVE : new Dec(1);
  for (const stated of tier.annual) {
    const cell = tier.cells.find((c) => c.column.key === stated.column);
    if (cell === undefined) continue;
    const base = cell.total ?? lineSum(cell);
    const expected = base.mul(factor);
    const name = columnLabel(cell.column);
    const title = `Annual ${name} at ${at}`;
    const how =
      table.period === 'month'
        ? `12 × ${writeMoney(base, table.currency)} a month = ${writeMoney(expected, table.currency)}`
        : `the yearly total is ${writeMoney(expected, table.currency)}`;
    const figures = [
      { label: 'monthly total', value: toPlain(base), unit: 'money' as const },
      { label: '12 × monthly', value: toPlain(expected), unit: 'money' as const },
      { label: 'stated annual', value: toPlain(stated.amount), unit: 'money' as const },
    ];
    out.push(
      stated.amount.equals(expected)
        ? finding('annual', 'consistent', title, `${how}, as stated.`, figures)
        : finding(
            'annual',
            'inconsistent',
            title,
            `${how}, but the table states ${writeMoney(stated.amount, table.currency)} (off by ${writeMoney(stated.amount.minus(expected).abs(), table.currency)}).`,
            figures,
          ),
    );
  }
  return out;
}

/** The same checks for a table by cost driver: each column's rows against its "total" row. */
export function checkDriverSums(table: DriverTable): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const column of table.columns) {
    const amounts = table.rows.flatMap((r) => {
      const a = r.amounts.find((x) => x.column === column.key);
      return a === undefined ? [] : [{ driver: r.driver, amount: a.amount }];
    });
    const sum = sumDec(amounts.map((a) => a.amount));
    const parts = amounts.map((a) => writeMoney(a.amount, table.currency)).join(' + ');
    const title = `Sum of the ${columnLabel(column)} rows`;
    const figures = [
      ...amounts.map((a) => ({
        label: lineLabel(a.driver),
        value: toPlain(a.amount),
        unit: 'money' as const,
      })),
      { label: 'rows add up to', value: toPlain(sum), unit: 'money' as const },
    ];
    const stated = table.total?.amounts.find((x) => x.column === column.key)?.amount;
    if (stated === undefined) {
      out.push(
        finding(
          'sum',
          'derived',
          title,
          `No total is published; the rows add up to ${parts} = ${writeMoney(sum, table.currency)}.`,
          figures,
        ),
      );
      continue;
    }
    figures.push({ label: 'stated total', value: toPlain(stated), unit: 'money' });
    out.push(
      stated.equals(sum)
        ? finding(
            'sum',
            'consistent',
            title,
            `${parts} = ${writeMoney(sum, table.currency)}, the stated total.`,
            figures,
          )
        : finding(
            'sum',
            'inconsistent',
            title,
            `${parts} = ${writeMoney(sum, table.currency)}, but the stated total is ${writeMoney(stated, table.currency)}.`,
            figures,
          ),
    );
  }
  return out;
}
