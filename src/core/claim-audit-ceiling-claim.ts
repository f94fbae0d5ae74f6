import type { Dec } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import { writeMoney, writeNumber } from './claim-audit-words';
import type { NarrativeClaim } from './claim-audit-source-types';
import type { ClaimContext } from './claim-audit-context';
import { columnOf, isComputeName } from './claim-audit-table-lines';

/** "A LoRA adapter costs under $100": set beside any fine-tuning line of the source's tables. */
export function ceilingClaim(claim: NarrativeClaim, atMost: Dec, ctx: ClaimContext): AuditFinding {
  const title = claim.text;
  for (const table of ctx.drivers) {
    const self = columnOf(table.columns, 'selfHost');
    const row = table.rows.find((r) => /fine/i.test(r.driver) && !isComputeName(r.driver));
    const amount = row?.amounts.find((a) => a.column === self?.column.key)?.amount;
    if (row === undefined || amount === undefined || atMost.isZero()) continue;
    return finding(
      'claim',
      'unchecked',
      title,
      `The source’s ${table.id} table has a self-hosted ${row.driver.replace(/_/g, '-')} row of ${writeMoney(amount, table.currency)} a ${table.period}, which would pay for ${writeNumber(amount.div(atMost))} runs at ${writeMoney(atMost, table.currency)}; the source gives no count of runs, so the two cannot be compared.`,
    );
  }
  return finding(
    'claim',
    'unchecked',
    title,
    `A cost ceiling (${writeMoney(atMost, ctx.currency)}) that no table in the source speaks to.`,
  );
}
