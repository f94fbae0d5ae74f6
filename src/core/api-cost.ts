import { Dec, ONE } from './decimal';
import type { ApiOption, Workload } from './model';

/**
 * Effective API price per 1M tokens of a workload's mix (DESIGN 3.2):
 * `(i(1-c)·input + i·c·cached + (1-i)·output) · (1 - b·batchDiscount) · priceFactor`.
 * `priceFactor` carries the yearly price change in the timeline (1 for today's run-rate).
 */
export function apiPricePerM(workload: Workload, option: ApiOption, priceFactor: Dec = ONE): Dec {
  const i = workload.inputShare;
  const c = workload.cachedInputShare;
  const mix = i
    .mul(ONE.minus(c))
    .mul(option.inputPerM)
    .plus(i.mul(c).mul(option.cachedInputPerM))
    .plus(ONE.minus(i).mul(option.outputPerM));
  const batch = ONE.minus(workload.batchShare.mul(option.batchDiscount));
  return mix.mul(batch).mul(priceFactor);
}

/**
 * Monthly API usage for `tokensPerDay` of a workload: `tokensPerMonth / 1e6 · price per 1M`.
 * The day's cost is exact; the one division by 12 comes last, so a cost that is a whole number of
 * cents stays exactly that (no 30.41666… intermediate).
 */
export function apiUsagePerMonth(tokensPerDay: Dec, daysPerYear: Dec, pricePerM: Dec): Dec {
  // `· 1e-6` is the division by 1M: both only move the decimal point (no digit changes), and a
  // one-digit product is several times cheaper than a division.
  return tokensPerDay.mul(pricePerM).mul(PER_MILLION).mul(daysPerYear).div(12);
}

const PER_MILLION = new Dec('1e-6');

/** Monthly fixed cost of using an API option: integration staff (DESIGN 3.2). */
export function apiIntegrationPerMonth(option: ApiOption, fteCostPerYear: Dec): Dec {
  return option.integrationFte.mul(fteCostPerYear).div(12);
}
