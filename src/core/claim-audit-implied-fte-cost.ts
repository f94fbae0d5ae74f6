import { Dec, toPlain } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import { writeMoney, writeNumber, writeVolume } from './claim-audit-words';
import type { TierTable } from './claim-audit-source-types';
import { columnLabel, lineLabel } from './claim-audit-table-lines';

const TWELVE = new Dec(12);

/**
 * Cost per full-time engineer: a staff line divided by the FTE count published beside it,
 * per month and per year (12 months).
 *
 * @example 5,000 a month for 0.25 FTE -> 20,000 per FTE a month, 240,000 a year
 */
export function auditFteCost(table: TierTable): AuditFinding[] {
  const out: AuditFinding[] = [];
  table.columns.forEach((column, index) => {
    const keys = new Set(table.tiers.flatMap((t) => t.cells[index]!.staff.map((s) => s.key)));
    for (const key of keys) {
      const rows = table.tiers.flatMap((tier) => {
        const cell = tier.cells[index]!;
        const staff = cell.staff.find((s) => s.key === key);
        const line = cell.lines.find((l) => l.key === staff?.lineKey);
        if (staff === undefined || line === undefined || staff.fte.isZero()) return [];
        const perPeriod = line.amount.div(staff.fte);
        const perMonth = table.period === 'month' ? perPeriod : perPeriod.div(TWELVE);
        return [{ tier, line, fte: staff.fte, perMonth }];
      });
      if (rows.length === 0) continue;
      const first = rows[0]!;
      const same = rows.every((r) => r.perMonth.equals(first.perMonth));
      const each = rows
        .map(
          (r) =>
            `${writeVolume(r.tier.tokensPerDay)}: ${writeMoney(r.line.amount, table.currency)} / ${writeNumber(r.fte)} FTE`,
        )
        .join('; ');
      const per = (d: Dec) =>
        `${writeMoney(d, table.currency)} per FTE a month (${writeMoney(d.mul(TWELVE), table.currency)} a year)`;
      const text = same
        ? `${per(first.perMonth)} at every tier (${each}).`
        : `The cost per FTE changes between tiers: ${rows.map((r) => `${writeVolume(r.tier.tokensPerDay)} ${per(r.perMonth)}`).join('; ')}.`;
      out.push(
        finding(
          'fte',
          'derived',
          `Cost per FTE, ${columnLabel(column)} ${lineLabel(first.line.key)}`,
          text,
          rows.flatMap((r) => [
            {
              label: `${writeVolume(r.tier.tokensPerDay)} per FTE a month`,
              value: toPlain(r.perMonth),
              unit: 'money' as const,
            },
            {
              label: `${writeVolume(r.tier.tokensPerDay)} per FTE a year`,
              value: toPlain(r.perMonth.mul(TWELVE)),
              unit: 'money' as const,
            },
          ]),
        ),
      );
    }
  });
  if (out.length === 0) {
    out.push(
      finding(
        'fte',
        'unchecked',
        'Cost per FTE',
        'The table gives no staff counts (no field ending in "_fte" beside a staff line), so no cost per FTE can be derived.',
      ),
    );
  }
  return out;
}
