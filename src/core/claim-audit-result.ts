import type { ClaimTable } from './claim-audit-source-types';

/**
 * What the claim audit reports (DESIGN section 3.7). Every finding says in words what was
 * checked and the numbers that show it; `figures` carries the same numbers exactly (decimal
 * strings, unrounded) for tables, tests and exports.
 *
 * - `consistent` / `inconsistent`: a published figure or claim checked against the table;
 * - `derived`: a number the table implies (a unit price, a break-even) with nothing to compare;
 * - `unchecked`: what cannot be checked from the source's own numbers, and why.
 */
export type AuditStatus = 'consistent' | 'inconsistent' | 'derived' | 'unchecked';

export type AuditTopic =
  | 'scope'
  | 'sum'
  | 'annual'
  | 'api-price'
  | 'cost-per-1m'
  | 'fte'
  | 'gpu-hour'
  | 'break-even'
  | 'recompute'
  | 'verdict'
  | 'claim'
  | 'prices'
  | 'hardware';

export type FigureUnit =
  | 'money'
  | 'moneyPerMTokens'
  | 'moneyPerHour'
  | 'tokensPerDay'
  | 'tokens'
  | 'share'
  | 'count'
  | 'ratio'
  | 'gigabytes';

export type AuditFigure = { label: string; value: string; unit: FigureUnit };

export type AuditFinding = {
  topic: AuditTopic;
  status: AuditStatus;
  /** A short name for the check: "Sum of the self-hosted lines at 10,000,000 tokens/day". */
  title: string;
  /** The finding in plain words, with its numbers rounded for reading. */
  text: string;
  figures: AuditFigure[];
};

export type TableAudit = {
  tableId: string;
  kind: ClaimTable['kind'];
  unit: string;
  /** Money in the table is in this currency (ISO 4217). */
  currency: string;
  findings: AuditFinding[];
};

export type AuditTally = Record<AuditStatus, number>;

export type SourceAudit = {
  sourceId: string;
  title: string;
  publisher: string | null;
  date: string | null;
  currency: string;
  /** Source-level findings: what its stated assumptions allow to be checked. */
  notes: AuditFinding[];
  tables: TableAudit[];
  /** The source's narrative claims, each checked against its own tables where possible. */
  claims: AuditFinding[];
  tally: AuditTally;
};

/** Builds a finding; figures default to none. */
export function finding(
  topic: AuditTopic,
  status: AuditStatus,
  title: string,
  text: string,
  figures: AuditFigure[] = [],
): AuditFinding {
  return { topic, status, title, text, figures };
}

/** Counts findings by status (notes, tables and claims together). */
export function tallyFindings(findings: readonly AuditFinding[]): AuditTally {
  const tally: AuditTally = { consistent: 0, inconsistent: 0, derived: 0, unchecked: 0 };
  for (const f of findings) tally[f.status] += 1;
  return tally;
}
