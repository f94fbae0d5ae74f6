import { Dec } from './decimal';
import { writeMoney, writePercent, writeTokens } from './claim-audit-words';
import type {
  ClaimSource,
  DriverTable,
  PriceTable,
  StatedApiPrice,
} from './claim-audit-source-types';
import { driverCurve, tierCurve } from './claim-audit-cost-curve';
import type { CostCurve } from './claim-audit-cost-curve';
import { savingsShares } from './claim-audit-savings-share';

/** What a source offers to check its narrative claims against. */
export type ClaimContext = {
  currency: string;
  /** The source's first cost table read as a function of volume, if any. */
  curve: CostCurve | null;
  drivers: DriverTable[];
  prices: PriceTable[];
  price: StatedApiPrice | null;
};

export function buildClaimContext(source: ClaimSource): ClaimContext {
  const curves = source.tables.flatMap((t) => {
    const c =
      t.kind === 'tiers'
        ? tierCurve(t)
        : t.kind === 'drivers'
          ? driverCurve(t, source.statedApiPrice)
          : null;
    return c === null ? [] : [c];
  });
  return {
    currency: curves[0]?.currency ?? 'USD',
    curve: curves[0] ?? null,
    drivers: source.tables.filter((t): t is DriverTable => t.kind === 'drivers'),
    prices: source.tables.filter((t): t is PriceTable => t.kind === 'prices'),
    price: source.statedApiPrice,
  };
}

/** "at 30,000,000 tokens/day (on straight lines ...) self-hosting costs $X and the API $Y a month: ..." */
export function curveReadingWords(
  ctx: ClaimContext,
  curve: CostCurve,
  tokensPerDay: Dec,
): string | null {
  const r = curve.read(tokensPerDay);
  if (r === null) return null;
  const money = (d: Dec) => writeMoney(d, ctx.currency);
  const shares = savingsShares(Dec.max(r.api, r.self), Dec.min(r.api, r.self));
  const which = r.self.lessThan(r.api)
    ? `self-hosting is ${writePercent(shares.ofDearer ?? new Dec(0))} cheaper ((API − self) / API)`
    : r.api.lessThan(r.self)
      ? `the API is ${writePercent(shares.ofDearer ?? new Dec(0))} cheaper ((self − API) / self)`
      : 'they cost the same';
  return `at ${writeTokens(tokensPerDay)} tokens/day (${r.how}) self-hosting costs ${money(r.self)} and the API ${money(r.api)} a month: ${which}`;
}
