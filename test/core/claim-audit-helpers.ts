import { expect } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { auditSource } from '../../src/core/claim-audit-source';
import type { AuditFinding, SourceAudit } from '../../src/core/claim-audit-result';
import { publishedClaimSources } from '../../src/scenario/claims/published-claim-sources';

/** The audit of one published source, by id. */
export function publishedAudit(id: string): SourceAudit {
  const source = publishedClaimSources().find((s) => s.id === id);
  if (source === undefined) throw new Error(`no published source ${id}`);
  return auditSource(source);
}

/** Every finding of an audit: notes, tables, claims. */
export function allFindings(audit: SourceAudit): AuditFinding[] {
  return [...audit.notes, ...audit.tables.flatMap((t) => t.findings), ...audit.claims];
}

/** The one finding whose title contains `title` (fails the test if none or several). */
export function findingTitled(findings: readonly AuditFinding[], title: string): AuditFinding {
  const hits = findings.filter((f) => f.title.includes(title));
  expect(
    hits.map((f) => f.title),
    `findings titled ${title}`,
  ).toHaveLength(1);
  return hits[0]!;
}

/** The exact value of a figure, by label. */
export function figure(f: AuditFinding, label: string): string {
  const hit = f.figures.find((x) => x.label === label);
  if (hit === undefined)
    throw new Error(`no figure "${label}" in ${JSON.stringify(f.figures.map((x) => x.label))}`);
  return hit.value;
}

/** A decimal string rounded half away from zero, as the app displays it. */
export function round(value: string, places: number): string {
  return new Dec(value).toDecimalPlaces(places, Dec.ROUND_HALF_UP).toFixed(places);
}
