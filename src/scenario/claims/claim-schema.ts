import * as v from 'valibot';
import { decimalField } from '../decimal-field';

/**
 * The shape of one source in `published-claims.json`, as valibot schemas: what a user pastes to
 * audit their own vendor or analyst table. Field names are the file's own (snake_case); numbers
 * may be JSON numbers or decimal strings, read exactly. Tables are checked per kind in
 * `read-claim-table.ts`, since their fields depend on their `columns`.
 */

export const CLAIM_LIMITS = {
  tables: 20,
  claims: 100,
  columns: 8,
  tiers: 50,
  rows: 200,
  lines: 30,
  textLength: 2000,
  nameLength: 200,
} as const;

const MONEY_MAX = '1000000000000000';
const TOKENS_MAX = '1000000000000000';

export const text = (max: number = CLAIM_LIMITS.nameLength) =>
  v.pipe(v.string('must be text'), v.maxLength(max, `must be at most ${max} characters`));

/** A field or column name: letters, digits, "_", "-" or spaces. */
export const key = v.pipe(
  v.string('must be text'),
  v.regex(
    /^[A-Za-z0-9][A-Za-z0-9_ .-]{0,63}$/,
    'must be 1-64 letters, digits, "_", "-", "." or spaces, starting with a letter or digit',
  ),
);

export const money = decimalField({ min: '0', max: MONEY_MAX });
export const tokens = decimalField({ min: '0', max: TOKENS_MAX });
export const share = decimalField({ min: '0', max: '1' });
export const ratio = decimalField({ min: '0', max: '1000000' });
export const count = decimalField({ min: '0', max: '100000000' });

/** "USD per month" or "EUR per year": the currency and period of a cost table. */
export const COST_UNIT = /^([A-Z]{3}) per (month|year)$/;
export const costUnit = v.pipe(
  v.string('must be text'),
  v.regex(COST_UNIT, 'must be "USD per month" or "USD per year" (any three-letter currency code)'),
);
/** "USD per 1M tokens": a price list. */
export const PRICE_UNIT = /^([A-Z]{3}) per 1M tokens$/;

export const statedAssumptionsSchema = v.looseObject({
  api_blended_rate_usd_per_1M: v.optional(
    v.union(
      [money, v.strictObject({ input: money, output: money })],
      'must be a price per 1M tokens, or { "input": ..., "output": ... }',
    ),
  ),
  amortized_over_months: v.optional(decimalField({ min: '0', max: '1200' })),
  includes: v.optional(
    v.pipe(
      v.array(text(), 'must be a list of texts'),
      v.maxLength(30, 'must have at most 30 items'),
    ),
  ),
});

/** A narrative claim: its words, and the figures it was transcribed with (all optional). */
export const claimSchema = v.looseObject({
  id: key,
  text: text(CLAIM_LIMITS.textLength),
  tokens_per_day: v.optional(tokens),
  tokens_per_day_low: v.optional(tokens),
  tokens_per_day_high: v.optional(tokens),
  tokens_per_month: v.optional(tokens),
  usd_per_month_at_least: v.optional(money),
  savings_share: v.optional(share),
  api_usd_per_1M_blended: v.optional(money),
  usd_per_1M: v.optional(money),
  usd_at_most: v.optional(money),
  advantage_low: v.optional(ratio),
  advantage_high: v.optional(ratio),
  self_host_usd_per_1M_low: v.optional(money),
  self_host_usd_per_1M_high: v.optional(money),
  closed_api_usd_per_1M_low: v.optional(money),
  closed_api_usd_per_1M_high: v.optional(money),
  gpus: v.optional(count),
  gpu: v.optional(text()),
  performance_share_low: v.optional(share),
  performance_share_high: v.optional(share),
});

export const sourceSchema = v.strictObject({
  id: v.optional(key, 'your-table'),
  title: v.optional(text(300)),
  publisher: v.optional(text()),
  date: v.optional(text(40)),
  stated_assumptions: v.optional(statedAssumptionsSchema),
  tables: v.optional(
    v.pipe(
      v.array(v.unknown(), 'must be a list of tables'),
      v.maxLength(CLAIM_LIMITS.tables, `must have at most ${CLAIM_LIMITS.tables} tables`),
    ),
    [],
  ),
  claims: v.optional(
    v.pipe(
      v.array(v.unknown(), 'must be a list of claims'),
      v.maxLength(CLAIM_LIMITS.claims, `must have at most ${CLAIM_LIMITS.claims} claims`),
    ),
    [],
  ),
});

export type ParsedClaim = v.InferOutput<typeof claimSchema>;
export type ParsedSource = v.InferOutput<typeof sourceSchema>;
