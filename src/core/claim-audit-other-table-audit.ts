import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import type { OtherTable } from './claim-audit-source-types';

/** A table with no numbers to re-derive (qualitative ratings): said plainly, not skipped. */
export function auditOtherTable(table: OtherTable): AuditFinding[] {
  const fields = table.fields.length === 0 ? '' : ` (fields: ${table.fields.join(', ')})`;
  return [
    finding(
      'scope',
      'unchecked',
      'What this table allows',
      `A ${table.unit} table of ${table.rowCount} rows${fields} with no costs, volumes or prices: there is nothing to add up, no unit price and no break-even to re-derive. Its ratings are opinions the audit cannot check.`,
    ),
  ];
}
