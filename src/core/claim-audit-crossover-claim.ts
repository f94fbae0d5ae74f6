import type { Dec } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import { writeMoney, writeTokens, writeVolume } from './claim-audit-words';
import type { NarrativeClaim } from './claim-audit-source-types';
import { curveReadingWords } from './claim-audit-context';
import type { ClaimContext } from './claim-audit-context';
import { toPlain } from './decimal';

/**
 * "The crossover is at 30-50M tokens/day" against the source's table: consistent when the
 * table's own lines cross (self-hosting cheaper above) inside the claimed range.
 */
export function crossoverClaim(
  claim: NarrativeClaim,
  low: Dec,
  high: Dec,
  ctx: ClaimContext,
): AuditFinding {
  const title = claim.text;
  const curve = ctx.curve;
  if (curve === null)
    return finding(
      'claim',
      'unchecked',
      title,
      'The source has no cost table by volume to read a crossover from.',
    );
  const range = `${writeTokens(low)}-${writeTokens(high)} tokens/day`;
  const inside = curve.crossings.filter(
    (c) =>
      c.selfCheaperAbove &&
      c.tokensPerDay.greaterThanOrEqualTo(low) &&
      c.tokensPerDay.lessThanOrEqualTo(high),
  );
  const where =
    curve.crossings.length === 0
      ? 'The table’s lines do not cross.'
      : `The table: ${curve.crossings.map((c) => c.words).join('; ')}.`;
  const lowest = curve.lowest;
  const lowestWords =
    lowest !== null && lowest.self.lessThan(lowest.api) && lowest.tokensPerDay.lessThan(low)
      ? ` At its lowest tier (${writeVolume(lowest.tokensPerDay)}) self-hosting is already cheaper: ${writeMoney(lowest.self, ctx.currency)} against ${writeMoney(lowest.api, ctx.currency)} a month.`
      : '';
  const readings = [low, high].flatMap((v) => {
    const w = curveReadingWords(ctx, curve, v);
    return w === null ? [] : [w];
  });
  const read = readings.length === 0 ? '' : ` Read from the table, ${readings.join('; ')}.`;
  const figures = curve.crossings.map((c, i) => ({
    label: `table crossing ${i + 1}, tokens/day`,
    value: toPlain(c.tokensPerDay),
    unit: 'tokensPerDay' as const,
  }));
  return inside.length > 0
    ? finding(
        'claim',
        'consistent',
        title,
        `The claim puts the crossover at ${range}. ${where}${read}`,
        figures,
      )
    : finding(
        'claim',
        'inconsistent',
        title,
        `The claim puts the crossover at ${range}, but the table’s own tiers do not. ${where}${lowestWords}${read}`,
        figures,
      );
}
