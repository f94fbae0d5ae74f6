import { MILLION, toPlain } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import { writePrice, writeTokens } from './claim-audit-words';
import type { TierTable } from './claim-audit-source-types';
import { daysPerPeriod } from './claim-audit-month-conventions';
import type { MonthConvention } from './claim-audit-month-conventions';
import { cellTotal, columnLabel } from './claim-audit-table-lines';

/**
 * Each column's all-in cost per 1M tokens at each tier: `total / (tokensPerDay * days / 1e6)`,
 * under one stated month convention (the one that explains the table, else 365/12 days).
 *
 * @example 9,200 a month at 10M tokens/day on 30-day months: 9,200 / 300 = $30.67 per 1M
 */
export function auditCostPerMillion(table: TierTable, convention: MonthConvention): AuditFinding[] {
  return table.tiers.flatMap((tier) => {
    if (tier.tokensPerDay.isZero()) return [];
    const millions = tier.tokensPerDay.mul(daysPerPeriod(table.period, convention)).div(MILLION);
    const rows = tier.cells.map((cell) => ({
      label: columnLabel(cell.column),
      perM: cellTotal(cell).div(millions),
    }));
    const words = rows.map((r) => `${r.label} ${writePrice(r.perM, table.currency)}`).join('; ');
    return [
      finding(
        'cost-per-1m',
        'derived',
        `All-in cost per 1M tokens at ${writeTokens(tier.tokensPerDay)} tokens/day`,
        `Each column's total over ${writeTokens(millions.mul(MILLION))} tokens (${convention.label}): ${words}.`,
        rows.map((r) => ({
          label: r.label,
          value: toPlain(r.perM),
          unit: 'moneyPerMTokens' as const,
        })),
      ),
    ];
  });
}
