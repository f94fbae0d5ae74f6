import { Dec, ONE, toPlain } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import {
  writeMoney,
  writeNumber,
  writePercent,
  writePrice,
  writeTokens,
  writeVolume,
} from './claim-audit-words';
import type { NarrativeClaim } from './claim-audit-source-types';
import type { ClaimContext } from './claim-audit-context';
import { appliedPrice, impliedTokensPerDay, splitDrivers } from './claim-audit-driver-lines';
import { CALENDAR_MONTH } from './claim-audit-month-conventions';
import { savingsShares } from './claim-audit-savings-share';
import { roundsTo } from './claim-audit-stated-precision';
import { columnOf } from './claim-audit-table-lines';

const HUNDRED = new Dec(100);

/**
 * "Self-hosting is 60% cheaper above 50M tokens/day" against the table: the saving
 * `(API - self) / API` at the table's own volume, per usage row, and at the claimed volume; and
 * the volume at which the table would give the claimed saving.
 */
export function savingsClaim(
  claim: NarrativeClaim,
  tokensPerDay: Dec,
  share: Dec,
  ctx: ClaimContext,
): AuditFinding {
  const title = claim.text;
  const stated = share.mul(HUNDRED);
  const places = Math.max(0, stated.decimalPlaces());
  const statedWords = `${writeNumber(stated, places)}%`;
  const parts: string[] = [];
  const figures: AuditFinding['figures'] = [];
  let matches = false;
  let checked = false;
  for (const table of ctx.drivers) {
    const api = columnOf(table.columns, 'api');
    const self = columnOf(table.columns, 'selfHost');
    if (api === null || self === null) continue;
    const total = (key: string) =>
      table.total?.amounts.find((a) => a.column === key)?.amount ??
      table.rows.reduce(
        (acc, r) => acc.plus(r.amounts.find((a) => a.column === key)?.amount ?? 0),
        new Dec(0),
      );
    const apiTotal = total(api.column.key);
    const selfTotal = total(self.column.key);
    const whole = savingsShares(apiTotal, selfTotal).ofDearer;
    if (whole === null) continue;
    checked = true;
    figures.push({
      label: 'table savings, (API − self) / API',
      value: toPlain(whole),
      unit: 'share',
    });
    const rows = table.rows.flatMap((r) => {
      const a = r.amounts.find((x) => x.column === api.column.key)?.amount;
      const s = r.amounts.find((x) => x.column === self.column.key)?.amount;
      if (
        a === undefined ||
        s === undefined ||
        a.isZero() ||
        !/inference|usage|api/i.test(r.driver)
      )
        return [];
      return [{ driver: r.driver, share: a.minus(s).div(a) }];
    });
    if (roundsTo(whole.mul(HUNDRED), stated, places)) matches = true;
    parts.push(
      `In the ${table.id} table (its own volume), (API − self) / API = (${writeMoney(apiTotal, table.currency)} − ${writeMoney(selfTotal, table.currency)}) / ${writeMoney(apiTotal, table.currency)} = ${writePercent(whole)}${rows.map((r) => `; on the ${r.driver} row alone ${writePercent(r.share)}`).join('')}.`,
    );
  }
  const reading = ctx.curve?.read(tokensPerDay) ?? null;
  if (reading !== null) {
    checked = true;
    const at = savingsShares(reading.api, reading.self).ofDearer;
    if (at !== null) {
      figures.push({
        label: `savings at ${writeVolume(tokensPerDay)} tokens/day`,
        value: toPlain(at),
        unit: 'share',
      });
      if (reading.self.lessThan(reading.api) && roundsTo(at.mul(HUNDRED), stated, places))
        matches = true;
      const verdict = reading.self.lessThan(reading.api)
        ? `(API − self) / API = ${writePercent(at)}`
        : reading.api.isZero()
          ? 'self-hosting is not cheaper'
          : `self-hosting is not cheaper at all: it costs ${writePercent(reading.self.minus(reading.api).div(reading.api))} more than the API ((self − API) / API)`;
      parts.push(
        `At ${writeTokens(tokensPerDay)} tokens/day (${reading.how}), self-hosting costs ${writeMoney(reading.self, ctx.currency)} and the API ${writeMoney(reading.api, ctx.currency)} a month: ${verdict}.`,
      );
      const crossings = ctx.curve?.crossings ?? [];
      if (crossings.length > 0) {
        parts.push(
          `The table's own break-even on that reading: ${crossings.map((c) => c.words).join('; ')}.`,
        );
      }
      const volume = volumeForSavings(ctx, share);
      if (volume !== null) {
        parts.push(
          `It reaches ${statedWords} cheaper only from about ${writeTokens(volume)} tokens/day.`,
        );
        figures.push({
          label: `volume at which savings reach ${statedWords}`,
          value: toPlain(volume),
          unit: 'tokensPerDay',
        });
      }
    }
  }
  if (!checked)
    return finding(
      'claim',
      'unchecked',
      title,
      'The source has no cost table with API and self-hosted columns to check this saving against.',
    );
  const priceNote =
    claim.figures.apiPerMBlended !== undefined &&
    ctx.price !== null &&
    !claim.figures.apiPerMBlended.equals(ctx.price.inputPerM)
      ? ` The claim’s API price (${writePrice(claim.figures.apiPerMBlended, ctx.currency)} per 1M) differs from the one the audit used (${ctx.price.from}).`
      : '';
  return finding(
    'claim',
    matches ? 'consistent' : 'inconsistent',
    title,
    `The claim: ${statedWords} cheaper from ${writeTokens(tokensPerDay)} tokens/day. ${parts.join(' ')} ${matches ? `This matches ${statedWords}.` : `Nothing in the table gives ${statedWords}.`}${priceNote}`,
    figures,
  );
}

/**
 * For a driver table read with a stated price: the volume at which `(API - self) / API` reaches
 * `share`. API(V) = fixed + variable * V / V0 equals self / (1 - share) at
 * V = V0 * (self / (1 - share) - fixed) / variable.
 */
function volumeForSavings(ctx: ClaimContext, share: Dec): Dec | null {
  const table = ctx.drivers[0];
  if (table === undefined || ctx.price === null || !share.lessThan(ONE)) return null;
  if (ctx.curve?.tableId !== table.id) return null;
  const split = splitDrivers(table);
  if (split === null || split.apiVariable.isZero()) return null;
  const base = impliedTokensPerDay(
    split.apiVariable,
    appliedPrice(ctx.price),
    table.period,
    CALENDAR_MONTH,
  );
  const need = split.self.div(ONE.minus(share)).minus(split.apiFixed);
  if (base === null || !need.greaterThan(0)) return null;
  return base.mul(need).div(split.apiVariable);
}
