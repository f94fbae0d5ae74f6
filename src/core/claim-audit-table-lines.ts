import { sumDec } from './decimal';
import type { Dec } from './decimal';
import type {
  ColumnRole,
  CostLine,
  TableColumn,
  TierCell,
  TierTable,
} from './claim-audit-source-types';

/**
 * How the audit reads the lines of a published table: which money line is API usage, which is
 * compute, which column is which side. Names are matched by words, since every article names
 * its lines differently (`api_costs`, `compute_gpu_cluster`, `inference`).
 */

const STAFF_WORDS = /engineer|integration|staff|fte|team|people/i;
const USAGE_WORDS = /api|usage|token|inference/i;
const COMPUTE_WORDS = /compute|gpu|hardware|instance|cluster|inference|server/i;

/** Plain words for a line key: `compute_gpu_instances` -> `compute gpu instances`. */
export function lineLabel(key: string): string {
  return key.replace(/[_-]+/g, ' ').trim();
}

/** The words a column key stands for: "self-hosted" or "API" where known. */
export function columnLabel(column: TableColumn): string {
  if (column.role === 'selfHost') return `self-hosted (${lineLabel(column.key)})`;
  if (column.role === 'api') return `API (${lineLabel(column.key)})`;
  return lineLabel(column.key);
}

/** The sum of a cell's money lines. */
export function lineSum(cell: TierCell): Dec {
  return sumDec(cell.lines.map((l) => l.amount));
}

/** The cell's total: as published, else the sum of its lines. */
export function cellTotal(cell: TierCell): Dec {
  return cell.total ?? lineSum(cell);
}

/** The API usage line of an API cell (the money line that is not staff), or null. */
export function usageLine(cell: TierCell): CostLine | null {
  const lines = cell.lines.filter((l) => !STAFF_WORDS.test(l.key));
  return lines.find((l) => USAGE_WORDS.test(l.key)) ?? (lines.length === 1 ? lines[0]! : null);
}

/** The compute (GPU) line of a self-hosted cell, or null. */
export function computeLine(lines: readonly CostLine[]): CostLine | null {
  return lines.find((l) => COMPUTE_WORDS.test(l.key) && !STAFF_WORDS.test(l.key)) ?? null;
}

/** Whether a line or driver name is a usage line (variable with volume on the API side). */
export function isUsageName(name: string): boolean {
  return USAGE_WORDS.test(name) && !STAFF_WORDS.test(name);
}

/** Whether a name is a compute (GPU) line. */
export function isComputeName(name: string): boolean {
  return COMPUTE_WORDS.test(name) && !STAFF_WORDS.test(name);
}

/** The first column of a role, with its index, or null. */
export function columnOf(
  columns: readonly TableColumn[],
  role: ColumnRole,
): { column: TableColumn; index: number } | null {
  const index = columns.findIndex((c) => c.role === role);
  const column = columns[index];
  return column === undefined ? null : { column, index };
}

/** One point per tier: the volume and the API and self-hosted totals (null without both sides). */
export type SidePoint = { tokensPerDay: Dec; api: Dec; self: Dec };

export function sidePoints(table: TierTable): SidePoint[] | null {
  const api = columnOf(table.columns, 'api');
  const self = columnOf(table.columns, 'selfHost');
  if (api === null || self === null) return null;
  return table.tiers.map((tier) => ({
    tokensPerDay: tier.tokensPerDay,
    api: cellTotal(tier.cells[api.index]!),
    self: cellTotal(tier.cells[self.index]!),
  }));
}
