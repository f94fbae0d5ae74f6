import { Dec, MILLION, toPlain } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import { writeMoney, writeNumber, writePrice, writeTokens } from './claim-audit-words';
import type { NarrativeClaim } from './claim-audit-source-types';
import type { ClaimContext } from './claim-audit-context';
import { MONTH_CONVENTIONS } from './claim-audit-month-conventions';

/**
 * "The TCO advantage reaches 2-10x" against the table (API over self-hosted at the volume), or,
 * with only a price list, the most the API side can cost at that volume.
 */
export function advantageClaim(
  claim: NarrativeClaim,
  tokensPerMonth: Dec,
  low: Dec,
  high: Dec,
  ctx: ClaimContext,
): AuditFinding {
  const title = claim.text;
  const range = `${writeNumber(low)}-${writeNumber(high)} times`;
  const curve = ctx.curve;
  if (curve !== null) {
    const perDay = tokensPerMonth.div(MONTH_CONVENTIONS[0]!.daysPerMonth);
    const r = curve.read(perDay);
    if (r !== null && !r.self.isZero()) {
      const ratio = r.api.div(r.self);
      const ok = ratio.greaterThanOrEqualTo(low) && ratio.lessThanOrEqualTo(high);
      return finding(
        'claim',
        ok ? 'consistent' : 'inconsistent',
        title,
        `At ${writeTokens(tokensPerMonth)} tokens a month (${writeTokens(perDay)} a day, ${r.how}) the API costs ${writeNumber(ratio)} times self-hosting; the claim says ${range}.`,
        [{ label: 'API / self-hosted', value: toPlain(ratio), unit: 'ratio' }],
      );
    }
  }
  const priced = ctx.prices
    .flatMap((t) => t.rows)
    .filter((r) => !(r.inputPerM.isZero() && r.outputPerM.isZero()));
  if (priced.length > 0) {
    const dearest = priced.reduce((a, b) =>
      Dec.max(b.inputPerM, b.outputPerM).greaterThan(Dec.max(a.inputPerM, a.outputPerM)) ? b : a,
    );
    const top = Dec.max(dearest.inputPerM, dearest.outputPerM);
    const most = tokensPerMonth.div(MILLION).mul(top);
    const money = (d: Dec) => writeMoney(d, ctx.currency);
    return finding(
      'claim',
      'unchecked',
      title,
      `The source gives no self-hosting cost, so the advantage cannot be checked. Its price table bounds the API side: at ${writeTokens(tokensPerMonth)} tokens a month the dearest row (${dearest.name}, all tokens at ${writePrice(top, ctx.currency)} per 1M) costs at most ${money(most)} a month, so a ${range} advantage would mean self-hosting for ${money(most.div(high))}-${money(most.div(low))} a month.`,
      [{ label: 'API cost at most, a month', value: toPlain(most), unit: 'money' }],
    );
  }
  return finding(
    'claim',
    'unchecked',
    title,
    'The source has no cost table or price list to check this advantage against.',
  );
}
