import { finding, tallyFindings } from './claim-audit-result';
import type { AuditFinding, SourceAudit, TableAudit } from './claim-audit-result';
import { writeNumber } from './claim-audit-words';
import type { ClaimSource, ClaimTable, TierTable } from './claim-audit-source-types';
import { auditDriverTable } from './claim-audit-driver-table-audit';
import { auditHardwareTable } from './claim-audit-hardware-table-audit';
import { auditOtherTable } from './claim-audit-other-table-audit';
import { auditPriceTable } from './claim-audit-price-table-audit';
import { auditSourceClaims } from './claim-audit-source-claims';
import { auditTierTable } from './claim-audit-tier-table-audit';

/**
 * The claim audit of one source (DESIGN section 3.7): each table re-derived (sums, implied unit
 * prices, implied break-even, recomputation at the source's stated prices, verdicts), then
 * each narrative claim checked against the source's own numbers.
 *
 * @example
 * const audit = auditSource(source);
 * audit.tally.inconsistent // how many figures or claims the source's own numbers contradict
 */
export function auditSource(source: ClaimSource): SourceAudit {
  const tables: TableAudit[] = source.tables.map((table) => ({
    tableId: table.id,
    kind: table.kind,
    unit: unitOf(table),
    currency: 'currency' in table ? table.currency : 'USD',
    findings: auditTable(table, source),
  }));
  const notes = sourceNotes(source);
  const claims = auditSourceClaims(source);
  const all = [...notes, ...tables.flatMap((t) => t.findings), ...claims];
  const money = source.tables.find((t) => 'currency' in t);
  return {
    sourceId: source.id,
    title: source.title,
    publisher: source.publisher,
    date: source.date,
    currency: money !== undefined && 'currency' in money ? money.currency : 'USD',
    notes,
    tables,
    claims,
    tally: tallyFindings(all),
  };
}

function auditTable(table: ClaimTable, source: ClaimSource): AuditFinding[] {
  switch (table.kind) {
    case 'tiers':
      return auditTierTable(table, source.statedApiPrice);
    case 'drivers':
      return auditDriverTable(table, source.statedApiPrice);
    case 'prices':
      return auditPriceTable(table);
    case 'hardware':
      return auditHardwareTable(table);
    case 'other':
      return auditOtherTable(table);
  }
}

function unitOf(table: ClaimTable): string {
  switch (table.kind) {
    case 'tiers':
    case 'drivers':
      return `${table.currency} per ${table.period}`;
    case 'prices':
      return `${table.currency} per 1M tokens`;
    case 'hardware':
    case 'other':
      return table.unit;
  }
}

/** What the source's stated assumptions allow to be checked. */
function sourceNotes(source: ClaimSource): AuditFinding[] {
  const out: AuditFinding[] = [];
  if (source.tables.length === 0) {
    out.push(
      finding(
        'scope',
        'unchecked',
        'No table',
        'The source publishes no table: its claims can be checked only against their own figures.',
      ),
    );
  }
  if (source.amortizedOverMonths !== null) {
    out.push(
      finding(
        'scope',
        'unchecked',
        `Amortized over ${writeNumber(source.amortizedOverMonths)} months`,
        `The source says its costs are amortized over ${writeNumber(source.amortizedOverMonths)} months but publishes no purchase price or capital line, so the amortization cannot be checked.`,
      ),
    );
  }
  const tiers = source.tables.filter((t): t is TierTable => t.kind === 'tiers');
  if (source.includes.length > 0 && tiers.length > 0) {
    const keys = tiers.flatMap((t) =>
      t.tiers.flatMap((tier) =>
        tier.cells
          .filter((c) => c.column.role === 'selfHost')
          .flatMap((c) => c.lines.map((l) => l.key.toLowerCase())),
      ),
    );
    const missing = source.includes.filter((item) => {
      const word = (item.toLowerCase().split(/\s+/)[0] ?? '').replace(/s$/, '');
      return word === '' || !keys.some((k) => k.includes(word));
    });
    out.push(
      finding(
        'scope',
        missing.length === 0 ? 'consistent' : 'inconsistent',
        'What the self-hosted costs include',
        missing.length === 0
          ? `The source says its self-hosted costs include ${source.includes.join(', ')}; the table has a line for each.`
          : `The source says its self-hosted costs include ${source.includes.join(', ')}, but no self-hosted line is named for ${missing.join(', ')}.`,
      ),
    );
  }
  return out;
}
