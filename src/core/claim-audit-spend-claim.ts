import { Dec, MILLION, toPlain } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import { writeMoney, writeNumber, writePrice, writeTokens } from './claim-audit-words';
import type { NarrativeClaim } from './claim-audit-source-types';
import type { ClaimContext } from './claim-audit-context';
import { MONTH_CONVENTIONS } from './claim-audit-month-conventions';

/**
 * "At 100M tokens/day an API might cost $500,000+ a month" against the table's API total at that
 * volume, and against the most the source's stated prices allow (all output tokens).
 */
export function spendClaim(
  claim: NarrativeClaim,
  tokensPerDay: Dec,
  atLeast: Dec,
  ctx: ClaimContext,
): AuditFinding {
  const title = claim.text;
  const money = (d: Dec) => writeMoney(d, ctx.currency);
  const reading = ctx.curve?.read(tokensPerDay) ?? null;
  const bound = ctx.price === null ? null : Dec.max(ctx.price.inputPerM, ctx.price.outputPerM);
  const boundWords =
    ctx.price === null || bound === null
      ? ''
      : ` At the source’s stated prices even all-output traffic at ${writePrice(bound, ctx.currency)} per 1M would cost ${MONTH_CONVENTIONS.map((c) => `${money(tokensPerDay.mul(c.daysPerMonth).div(MILLION).mul(bound))} (${c.label})`).join(' or ')}.`;
  const figures = [
    { label: 'claimed at least, a month', value: toPlain(atLeast), unit: 'money' as const },
  ];
  if (reading === null) {
    if (bound === null)
      return finding(
        'claim',
        'unchecked',
        title,
        'The source has no cost table and no API price to check this spend against.',
      );
    const most = MONTH_CONVENTIONS.map((c) =>
      tokensPerDay.mul(c.daysPerMonth).div(MILLION).mul(bound),
    ).reduce((a, b) => Dec.max(a, b));
    return finding(
      'claim',
      most.greaterThanOrEqualTo(atLeast) ? 'consistent' : 'inconsistent',
      title,
      `The claim: at least ${money(atLeast)} a month at ${writeTokens(tokensPerDay)} tokens/day.${boundWords}`,
      figures,
    );
  }
  figures.push({ label: 'table API total, a month', value: toPlain(reading.api), unit: 'money' });
  const ok = reading.api.greaterThanOrEqualTo(atLeast);
  const times = reading.api.isZero()
    ? ''
    : ` The claim is ${writeNumber(atLeast.div(reading.api))} times the table.`;
  return finding(
    'claim',
    ok ? 'consistent' : 'inconsistent',
    title,
    `The source’s own table puts the API at ${money(reading.api)} a month at ${writeTokens(tokensPerDay)} tokens/day (${reading.how}), ${ok ? 'at least' : 'well under'} the claimed ${money(atLeast)}.${ok ? '' : times}${boundWords}`,
    figures,
  );
}
