import type { ClaimFigures, NarrativeClaim } from '../../core/claim-audit-source-types';
import type { ParsedClaim } from './claim-schema';

/** The file's field for each figure of a claim (`tokens_per_day` -> `tokensPerDay`). */
const FIGURE_FIELDS = {
  tokensPerDay: 'tokens_per_day',
  tokensPerDayLow: 'tokens_per_day_low',
  tokensPerDayHigh: 'tokens_per_day_high',
  tokensPerMonth: 'tokens_per_month',
  perMonthAtLeast: 'usd_per_month_at_least',
  savingsShare: 'savings_share',
  apiPerMBlended: 'api_usd_per_1M_blended',
  perM: 'usd_per_1M',
  amountAtMost: 'usd_at_most',
  advantageLow: 'advantage_low',
  advantageHigh: 'advantage_high',
  selfHostPerMLow: 'self_host_usd_per_1M_low',
  selfHostPerMHigh: 'self_host_usd_per_1M_high',
  closedApiPerMLow: 'closed_api_usd_per_1M_low',
  closedApiPerMHigh: 'closed_api_usd_per_1M_high',
  gpus: 'gpus',
  gpu: 'gpu',
  performanceShareLow: 'performance_share_low',
  performanceShareHigh: 'performance_share_high',
} as const satisfies Record<keyof ClaimFigures, keyof ParsedClaim>;

/** Pairs whose low end must not exceed the high end. */
export const RANGE_FIELDS = [
  ['tokens_per_day_low', 'tokens_per_day_high'],
  ['advantage_low', 'advantage_high'],
  ['self_host_usd_per_1M_low', 'self_host_usd_per_1M_high'],
  ['closed_api_usd_per_1M_low', 'closed_api_usd_per_1M_high'],
  ['performance_share_low', 'performance_share_high'],
] as const;

/** A validated claim as the audit reads it; fields the file leaves out stay out. */
export function toNarrativeClaim(claim: ParsedClaim): NarrativeClaim {
  const figures: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(FIGURE_FIELDS)) {
    const value = claim[field];
    if (value !== undefined) figures[name] = value;
  }
  return { id: claim.id, text: claim.text, figures: figures as ClaimFigures };
}
