import { toPlain } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFinding, AuditFigure } from './claim-audit-result';
import { writeMoney, writeTokens, writeVolume } from './claim-audit-words';
import type { SidePoint } from './claim-audit-table-lines';
import { findCrossings, readingWords } from './claim-audit-tier-interpolation';
import type { Crossing } from './claim-audit-tier-interpolation';

/** The method, said once with every break-even read from a tier table. */
export const TIER_METHOD =
  "Method: each side's total is a straight line between neighbouring tiers (linear interpolation); outside the tiers the line through the nearest two is extended (extrapolation, which the table itself does not support).";

/** "self-hosting is cheaper from 9,467,456 tokens/day" for one crossing. */
export function crossingWords(c: Crossing): string {
  const side = c.selfCheaperAbove ? 'self-hosting' : 'the API';
  return `${side} is cheaper above about ${writeTokens(c.tokensPerDay)} tokens/day (${readingWords(c)})`;
}

/** Each tier's two totals in words: "10M: self-hosted $9,200, API $9,500". */
export function tierTotalsWords(points: readonly SidePoint[], currency: string): string {
  return points
    .map(
      (p) =>
        `${writeVolume(p.tokensPerDay)}: self-hosted ${writeMoney(p.self, currency)}, API ${writeMoney(p.api, currency)}`,
    )
    .join('; ');
}

/**
 * The break-even a tier table implies by itself (as published, or with a recomputed API line):
 * where the self-hosted and API totals cross, with the method stated.
 */
export function auditTierBreakEven(
  points: readonly SidePoint[],
  currency: string,
  title: string,
  preface = '',
): AuditFinding {
  const crossings = findCrossings(points);
  const lead = preface === '' ? '' : `${preface} `;
  const totals = `Totals by tier: ${tierTotalsWords(points, currency)}.`;
  const figures: AuditFigure[] = crossings.map((c, i) => ({
    label: `crossing ${i + 1}, tokens/day`,
    value: toPlain(c.tokensPerDay),
    unit: 'tokensPerDay',
  }));
  if (points.length === 1) {
    const p = points[0]!;
    const cheaper = p.self.lessThan(p.api)
      ? 'self-hosting'
      : p.self.equals(p.api)
        ? 'neither side'
        : 'the API';
    return finding(
      'break-even',
      'unchecked',
      title,
      `${lead}${totals} With one tier there is no line to read a break-even from; at this tier ${cheaper} is cheaper.`,
    );
  }
  const selfEverywhere = points.every((p) => p.self.lessThan(p.api));
  const apiEverywhere = points.every((p) => p.api.lessThan(p.self));
  const lowest = points[0]!;
  const highest = points[points.length - 1]!;
  let summary: string;
  if (selfEverywhere) {
    summary = `Self-hosting is cheaper at every tier, from the lowest (${writeVolume(lowest.tokensPerDay)}): the table puts the break-even below ${writeTokens(lowest.tokensPerDay)} tokens/day.`;
  } else if (apiEverywhere) {
    summary = `The API is cheaper at every tier, up to the highest (${writeVolume(highest.tokensPerDay)}): the table puts the break-even above ${writeTokens(highest.tokensPerDay)} tokens/day, if anywhere.`;
  } else {
    summary = 'The cheaper side changes between tiers.';
  }
  const found =
    crossings.length === 0
      ? ' Extending the end segments gives no crossing above 0 tokens/day.'
      : ` Reading the table: ${crossings.map(crossingWords).join('; ')}.`;
  return finding(
    'break-even',
    'derived',
    title,
    `${lead}${totals} ${summary}${found} ${TIER_METHOD}`,
    figures,
  );
}
