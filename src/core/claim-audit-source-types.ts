import type { Dec } from './decimal';

/**
 * A published cost table and its claims, normalised for the claim audit (DESIGN section 3.7).
 * The scenario layer reads `published-claims.json` (or a table a user pastes) into these types;
 * the audit never sees the raw JSON. Amounts are exact decimals, as published.
 */

/** Which side of the self-host-or-API comparison a column stands for (read from its name). */
export type ColumnRole = 'api' | 'selfHost' | 'other';

export type TableColumn = { key: string; role: ColumnRole };

/** A money line of a cell, as published: `{ key: 'api_costs', amount: 9000 }`. */
export type CostLine = { key: string; amount: Dec };

/** A staff count published beside a money line (`engineering_fte` beside `engineering`). */
export type StaffCount = { key: string; fte: Dec; lineKey: string | null };

/** One column at one volume tier: its money lines, stated total and any counts. */
export type TierCell = {
  column: TableColumn;
  lines: CostLine[];
  /** The total as published, or null when the table states none. */
  total: Dec | null;
  staff: StaffCount[];
  /** GPUs behind the compute line, when the table gives them. */
  gpus: Dec | null;
  /** GPU-hours behind the compute line in the table's period, when the table gives them. */
  gpuHours: Dec | null;
};

export type CostTier = {
  tokensPerDay: Dec;
  /** One cell per column, in column order. */
  cells: TierCell[];
  /** Annual figures as published, per column key. */
  annual: { column: string; amount: Dec }[];
  verdict: string | null;
};

/** A cost table by volume: each tier a row of columns (self-hosted, API) with lines and totals. */
export type TierTable = {
  kind: 'tiers';
  id: string;
  currency: string;
  period: 'month' | 'year';
  columns: TableColumn[];
  /** In increasing order of volume. */
  tiers: CostTier[];
};

export type DriverRow = {
  driver: string;
  amounts: { column: string; amount: Dec }[];
  note: string | null;
};

/** A cost table by cost driver (inference, fine-tuning, staff) at one unstated volume. */
export type DriverTable = {
  kind: 'drivers';
  id: string;
  currency: string;
  period: 'month' | 'year';
  columns: TableColumn[];
  rows: DriverRow[];
  /** The row named "total", when published. */
  total: DriverRow | null;
};

export type PriceRow = { name: string; inputPerM: Dec; outputPerM: Dec; note: string | null };

/** A price list per 1M tokens. */
export type PriceTable = { kind: 'prices'; id: string; currency: string; rows: PriceRow[] };

export type HardwareRow = {
  modelSize: string;
  minimumGpu: string;
  recommendedGpu: string | null;
};

/** GPUs needed by model size. */
export type HardwareTable = { kind: 'hardware'; id: string; unit: string; rows: HardwareRow[] };

/** Any other table (qualitative ratings): listed, with nothing to re-derive. */
export type OtherTable = {
  kind: 'other';
  id: string;
  unit: string;
  rowCount: number;
  fields: string[];
};

export type ClaimTable = TierTable | DriverTable | PriceTable | HardwareTable | OtherTable;

/** The figures a narrative claim is transcribed with (all optional; money in the source's currency). */
export type ClaimFigures = {
  tokensPerDay?: Dec;
  tokensPerDayLow?: Dec;
  tokensPerDayHigh?: Dec;
  tokensPerMonth?: Dec;
  perMonthAtLeast?: Dec;
  savingsShare?: Dec;
  apiPerMBlended?: Dec;
  perM?: Dec;
  amountAtMost?: Dec;
  advantageLow?: Dec;
  advantageHigh?: Dec;
  selfHostPerMLow?: Dec;
  selfHostPerMHigh?: Dec;
  closedApiPerMLow?: Dec;
  closedApiPerMHigh?: Dec;
  gpus?: Dec;
  gpu?: string;
  performanceShareLow?: Dec;
  performanceShareHigh?: Dec;
};

export type NarrativeClaim = { id: string; text: string; figures: ClaimFigures };

/** The API price a source states, per 1M input and output tokens, and where it states it. */
export type StatedApiPrice = {
  inputPerM: Dec;
  outputPerM: Dec;
  /** Where the source states it, for sentences: `stated_assumptions.api_blended_rate_usd_per_1M`. */
  from: string;
  /** The claim that states it, when a claim does. */
  claimId: string | null;
};

export type ClaimSource = {
  id: string;
  title: string;
  publisher: string | null;
  date: string | null;
  statedApiPrice: StatedApiPrice | null;
  amortizedOverMonths: Dec | null;
  /** What the source says its costs include ("compute", "storage", ...). */
  includes: string[];
  tables: ClaimTable[];
  claims: NarrativeClaim[];
};
