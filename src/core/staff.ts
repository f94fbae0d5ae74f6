import { ZERO } from './decimal';
import type { Dec } from './decimal';
import type { StaffTier } from './model';

/**
 * Engineering FTE for an option serving `servedTokensPerDay` (DESIGN 3.3): the last tier whose
 * `fromTokensPerDay` is at most the served volume. Tiers are sorted and start at 0.
 */
export function fteAt(tiers: readonly StaffTier[], servedTokensPerDay: Dec): Dec {
  let fte = ZERO;
  for (const tier of tiers) {
    if (tier.fromTokensPerDay.lessThanOrEqualTo(servedTokensPerDay)) fte = tier.fte;
    else break;
  }
  return fte;
}
