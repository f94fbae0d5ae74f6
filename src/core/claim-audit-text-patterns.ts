import type { Dec } from './decimal';
import type { ColumnRole } from './claim-audit-source-types';
import { placesOf, readWrittenNumber, scaleOf } from './claim-audit-stated-precision';

/**
 * The figures the audit can read from a sentence ("Open source is 55% cheaper; the difference
 * is $8.88 million per year."). Anything else in a verdict is left to the reader, and the audit
 * says so rather than guessing.
 */

const SIDE = String.raw`(open[- ]?source|open[- ]weights?|self[- ]?host(?:ed|ing)?|on[- ]prem(?:ises?)?|proprietary(?: apis?)?|closed(?: apis?)?|apis?)`;
const HEDGE = String.raw`(?:about\s+|roughly\s+|around\s+|approximately\s+|nearly\s+|~\s*)?`;
const PERCENT_CHEAPER = new RegExp(
  String.raw`\b${SIDE}\b[^.;]*?\bis\s+${HEDGE}(\d+(?:\.\d+)?)\s*%\s*(?:cheaper|less expensive|lower|less)`,
  'i',
);
const TIMES_CHEAPER = new RegExp(
  String.raw`\b${SIDE}\b[^.;]*?\bis\s+${HEDGE}(\d+(?:\.\d+)?)\s*(?:x|×|times)\s+(?:cheaper|less expensive)`,
  'i',
);
const DIFFERENCE = new RegExp(
  String.raw`\b(?:difference|saving|savings)\s+(?:is|of|are)\s+${HEDGE}\$?\s*([\d,]+(?:\.\d+)?)\s*(million|billion|thousand|bn|k|m)?\s*(?:per|a|an|\/)\s*(year|month|yr|mo)\b`,
  'i',
);
const ROUGHLY_EQUAL =
  /\b(?:roughly|about|approximately|broadly|nearly)\s+(?:equivalent|equal|the same|comparable|even)\b|\bat parity\b/i;

/** The side a subject names: `open source` -> selfHost, `proprietary APIs` -> api. */
export function roleOfSubject(subject: string): ColumnRole {
  return /api|proprietary|closed/i.test(subject) ? 'api' : 'selfHost';
}

export type PercentCheaper = { side: ColumnRole; percent: Dec; places: number; quote: string };
export type TimesCheaper = { side: ColumnRole; times: Dec; places: number; quote: string };
export type DifferenceClaim = {
  amount: Dec;
  places: number;
  scale: Dec;
  scaleWord: string;
  per: 'year' | 'month';
  quote: string;
};

export function readPercentCheaper(text: string): PercentCheaper | null {
  const m = PERCENT_CHEAPER.exec(text);
  const number = m?.[2];
  if (!m || number === undefined) return null;
  const percent = readWrittenNumber(number);
  if (percent === null) return null;
  return { side: roleOfSubject(m[1] ?? ''), percent, places: placesOf(number), quote: m[0] };
}

export function readTimesCheaper(text: string): TimesCheaper | null {
  const m = TIMES_CHEAPER.exec(text);
  const number = m?.[2];
  if (!m || number === undefined) return null;
  const times = readWrittenNumber(number);
  if (times === null) return null;
  return { side: roleOfSubject(m[1] ?? ''), times, places: placesOf(number), quote: m[0] };
}

export function readDifference(text: string): DifferenceClaim | null {
  const m = DIFFERENCE.exec(text);
  const number = m?.[1];
  if (!m || number === undefined) return null;
  const amount = readWrittenNumber(number);
  if (amount === null) return null;
  const per = /^y/i.test(m[3] ?? '') ? 'year' : 'month';
  return {
    amount,
    places: placesOf(number.replace(/,/g, '')),
    scale: scaleOf(m[2]),
    scaleWord: m[2] ?? '',
    per,
    quote: m[0],
  };
}

export function readsRoughlyEqual(text: string): boolean {
  return ROUGHLY_EQUAL.test(text);
}
