import type { AuditTally, SourceAudit } from '../../core/claim-audit-result';

/** "2 inconsistent, 23 consistent, 10 derived, 4 cannot be checked" (zero counts left out). */
export function tallyWords(tally: AuditTally): string {
  const parts: string[] = [];
  if (tally.inconsistent > 0) parts.push(`${tally.inconsistent} inconsistent`);
  if (tally.consistent > 0) parts.push(`${tally.consistent} consistent`);
  if (tally.derived > 0) parts.push(`${tally.derived} derived`);
  if (tally.unchecked > 0) parts.push(`${tally.unchecked} cannot be checked`);
  return parts.length === 0 ? 'nothing to check' : parts.join(', ');
}

/** Publisher and date, as far as the source gives them. */
export function sourceByline(audit: SourceAudit): string {
  return [audit.publisher, audit.date]
    .filter((x): x is string => x !== null && x !== '')
    .join(', ');
}

/** "Table “monthly-tco-by-volume” (USD per month)". */
export function tableHeading(tableId: string, unit: string): string {
  return `Table “${tableId}” (${unit})`;
}
