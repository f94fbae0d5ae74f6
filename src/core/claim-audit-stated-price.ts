import { Dec, ONE } from './decimal';
import type { StatedApiPrice } from './claim-audit-source-types';

/**
 * The input/output split the audit assumes when a source states separate input and output
 * prices but not its traffic mix: 3 input tokens to 1 output (input share 0.75), the split of
 * DESIGN's worked example and the presets. Every finding that uses it says so.
 */
export const ASSUMED_INPUT_SHARE = new Dec('0.75');

/** The price per 1M tokens at an input share: `i * input + (1 - i) * output` (DESIGN 3.2, no cache). */
export function blendedPrice(price: StatedApiPrice, inputShare: Dec): Dec {
  return inputShare.mul(price.inputPerM).plus(ONE.minus(inputShare).mul(price.outputPerM));
}

export type SplitForPrice =
  /** Input and output cost the same and equal the price: any split gives it. */
  | { kind: 'any' }
  /** Exactly this input share gives the price. */
  | { kind: 'at'; inputShare: Dec }
  /** No split in [0, 1] gives it; `inputShare` is where the straight line would need to be. */
  | { kind: 'none'; inputShare: Dec | null };

/**
 * The input share at which the stated prices give `perM`:
 * `i = (output - perM) / (output - input)`.
 *
 * @example 3 / 15 per 1M and $30 per 1M -> { kind: 'none', inputShare: -1.25 } (above the output price)
 */
export function inputShareForPrice(price: StatedApiPrice, perM: Dec): SplitForPrice {
  const spread = price.outputPerM.minus(price.inputPerM);
  if (spread.isZero())
    return perM.equals(price.inputPerM) ? { kind: 'any' } : { kind: 'none', inputShare: null };
  const share = price.outputPerM.minus(perM).div(spread);
  if (share.lessThan(0) || share.greaterThan(ONE)) return { kind: 'none', inputShare: share };
  return { kind: 'at', inputShare: share };
}

/** Whether the source states one price for all tokens. */
export function isSinglePrice(price: StatedApiPrice): boolean {
  return price.inputPerM.equals(price.outputPerM);
}
