import { Dec } from './decimal';
import { writePrice, writeTokens } from './claim-audit-words';
import type { DriverTable, StatedApiPrice, TierTable } from './claim-audit-source-types';
import { appliedPrice, impliedTokensPerDay, splitDrivers } from './claim-audit-driver-lines';
import { CALENDAR_MONTH } from './claim-audit-month-conventions';
import { sidePoints } from './claim-audit-table-lines';
import { findCrossings, readingWords, readSides } from './claim-audit-tier-interpolation';
import type { Crossing } from './claim-audit-tier-interpolation';
import { crossingWords } from './claim-audit-tier-break-even';

const TWELVE = new Dec(12);

/** Both sides' monthly totals at a volume, and how they were read from the table. */
export type CurveReading = { api: Dec; self: Dec; how: string; extrapolated: boolean };

/**
 * A cost table as a function of volume, so narrative claims made at a volume ("at 100M tokens
 * a day the API costs $500,000+ a month") can be checked against it. Totals are per month.
 */
export type CostCurve = {
  tableId: string;
  currency: string;
  read: (tokensPerDay: Dec) => CurveReading | null;
  crossings: { tokensPerDay: Dec; selfCheaperAbove: boolean; words: string }[];
  /** The lowest volume the table states, with its totals per month (tier tables only). */
  lowest: { tokensPerDay: Dec; api: Dec; self: Dec } | null;
};

/** A tier table read by straight lines between tiers (see tier-interpolation.ts). */
export function tierCurve(table: TierTable): CostCurve | null {
  const points = sidePoints(table);
  if (points === null || points.length === 0) return null;
  const toMonth = (d: Dec) => (table.period === 'month' ? d : d.div(TWELVE));
  const first = points[0]!;
  return {
    tableId: table.id,
    currency: table.currency,
    read: (tokensPerDay) => {
      const r = readSides(points, tokensPerDay);
      if (r === null) return null;
      return {
        api: toMonth(r.api),
        self: toMonth(r.self),
        how: readingWords(r),
        extrapolated: r.method === 'below' || r.method === 'above',
      };
    },
    crossings: findCrossings(points).map((c: Crossing) => ({
      tokensPerDay: c.tokensPerDay,
      selfCheaperAbove: c.selfCheaperAbove,
      words: crossingWords(c),
    })),
    lowest: {
      tokensPerDay: first.tokensPerDay,
      api: toMonth(first.api),
      self: toMonth(first.self),
    },
  };
}

/**
 * A driver table with a stated API price: the usage rows scale with volume from the volume the
 * price implies (365/12 days a month), every other row fixed (driver-lines.ts).
 */
export function driverCurve(table: DriverTable, price: StatedApiPrice | null): CostCurve | null {
  const split = splitDrivers(table);
  if (split === null || price === null || split.apiVariable.isZero()) return null;
  const perM = appliedPrice(price);
  const base = impliedTokensPerDay(split.apiVariable, perM, table.period, CALENDAR_MONTH);
  if (base === null || base.isZero()) return null;
  const toMonth = (d: Dec) => (table.period === 'month' ? d : d.div(TWELVE));
  const how = `by scaling the table's API ${split.variableDrivers.join(' and ')} line from the ${writeTokens(base)} tokens/day it implies at ${writePrice(perM, table.currency)} per 1M on ${CALENDAR_MONTH.label}, every other line fixed`;
  const crossings: CostCurve['crossings'] = [];
  const k = split.self.minus(split.apiFixed).div(split.apiVariable);
  if (k.greaterThan(0)) {
    const at = k.mul(base);
    crossings.push({
      tokensPerDay: at,
      selfCheaperAbove: true,
      words: `self-hosting is cheaper above about ${writeTokens(at)} tokens/day (the API usage line scaled with volume, every other line fixed)`,
    });
  }
  return {
    tableId: table.id,
    currency: table.currency,
    read: (tokensPerDay) => ({
      api: toMonth(split.apiFixed.plus(split.apiVariable.mul(tokensPerDay).div(base))),
      self: toMonth(split.self),
      how,
      extrapolated: false,
    }),
    crossings,
    lowest: null,
  };
}
