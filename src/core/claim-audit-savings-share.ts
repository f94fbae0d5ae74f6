import type { Dec } from './decimal';

/**
 * How much cheaper one side is, on both bases a reader may have meant:
 * `(expensive - cheap) / expensive` ("55% cheaper" in the articles audited here) and
 * `(expensive - cheap) / cheap` ("the API costs 124% more").
 *
 * @example savingsShares(92000, 41000) // { ofDearer: 0.5543…, ofCheaper: 1.2439… }
 */
export function savingsShares(
  dearer: Dec,
  cheaper: Dec,
): { ofDearer: Dec | null; ofCheaper: Dec | null } {
  const gap = dearer.minus(cheaper);
  return {
    ofDearer: dearer.isZero() ? null : gap.div(dearer),
    ofCheaper: cheaper.isZero() ? null : gap.div(cheaper),
  };
}
