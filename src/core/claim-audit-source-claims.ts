import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import { writeNumber, writePrice } from './claim-audit-words';
import { advantageClaim } from './claim-audit-advantage-claim';
import { ceilingClaim } from './claim-audit-ceiling-claim';
import { buildClaimContext } from './claim-audit-context';
import type { ClaimContext } from './claim-audit-context';
import type { ClaimSource, NarrativeClaim } from './claim-audit-source-types';
import { crossoverClaim } from './claim-audit-crossover-claim';
import { savingsClaim } from './claim-audit-savings-claim';
import { spendClaim } from './claim-audit-spend-claim';

/**
 * A source's narrative claims, each checked against the source's own cost tables (read as a
 * function of volume, cost-curve.ts) and stated prices. A claim with no figure the tables can
 * speak to is marked unchecked, with what the source does say.
 */
export function auditSourceClaims(source: ClaimSource): AuditFinding[] {
  const ctx = buildClaimContext(source);
  return source.claims.map((claim) => auditClaim(claim, ctx));
}

function auditClaim(claim: NarrativeClaim, ctx: ClaimContext): AuditFinding {
  const f = claim.figures;
  const title = claim.text;
  if (f.savingsShare !== undefined && f.tokensPerDay !== undefined)
    return savingsClaim(claim, f.tokensPerDay, f.savingsShare, ctx);
  if (f.tokensPerDayLow !== undefined && f.tokensPerDayHigh !== undefined)
    return crossoverClaim(claim, f.tokensPerDayLow, f.tokensPerDayHigh, ctx);
  if (f.perMonthAtLeast !== undefined && f.tokensPerDay !== undefined)
    return spendClaim(claim, f.tokensPerDay, f.perMonthAtLeast, ctx);
  if (
    f.tokensPerMonth !== undefined &&
    f.advantageLow !== undefined &&
    f.advantageHigh !== undefined
  ) {
    return advantageClaim(claim, f.tokensPerMonth, f.advantageLow, f.advantageHigh, ctx);
  }
  if (
    f.selfHostPerMLow !== undefined &&
    f.selfHostPerMHigh !== undefined &&
    f.closedApiPerMLow !== undefined &&
    f.closedApiPerMHigh !== undefined
  ) {
    const low = f.selfHostPerMHigh.isZero() ? null : f.closedApiPerMLow.div(f.selfHostPerMHigh);
    const high = f.selfHostPerMLow.isZero() ? null : f.closedApiPerMHigh.div(f.selfHostPerMLow);
    const ratio =
      low === null || high === null
        ? ''
        : ` Its own figures put closed APIs ${writeNumber(low)} to ${writeNumber(high)} times dearer per token.`;
    return finding(
      'claim',
      'unchecked',
      title,
      `The source publishes no self-hosting cost table to check these prices per 1M against.${ratio}`,
    );
  }
  if (f.perM !== undefined) {
    const used = ctx.price !== null && ctx.price.claimId === claim.id;
    return finding(
      'claim',
      'unchecked',
      title,
      used
        ? `A stated price (${writePrice(f.perM, ctx.currency)} per 1M), not a result: no table in the source states a volume and an API cost together, so nothing can confirm or contradict it. The audit uses it as the source's stated price.`
        : `A price (${writePrice(f.perM, ctx.currency)} per 1M) that no table in the source lists with a volume, so there is nothing to check it against.`,
    );
  }
  if (f.amountAtMost !== undefined) return ceilingClaim(claim, f.amountAtMost, ctx);
  if (f.gpus !== undefined) {
    return finding(
      'claim',
      'unchecked',
      title,
      `A GPU count (${writeNumber(f.gpus)}${f.gpu === undefined ? '' : ` ${f.gpu}`}), not a cost: no table in the source sizes this model, so there is nothing to check it against.`,
    );
  }
  if (f.performanceShareLow !== undefined || f.performanceShareHigh !== undefined) {
    return finding(
      'claim',
      'unchecked',
      title,
      'About model quality, not cost: the source has no figures to check it against.',
    );
  }
  return finding(
    'claim',
    'unchecked',
    title,
    'The claim states no figure (volume, price, cost or share) that the source’s tables could confirm or contradict.',
  );
}
