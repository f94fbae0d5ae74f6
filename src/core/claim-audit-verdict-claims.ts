import { Dec, toPlain } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import { writeMoney, writeNumber, writePercent, writeTokens } from './claim-audit-words';
import {
  readDifference,
  readPercentCheaper,
  readsRoughlyEqual,
  readTimesCheaper,
} from './claim-audit-text-patterns';
import type { CostTier, TierTable } from './claim-audit-source-types';
import { savingsShares } from './claim-audit-savings-share';
import { roundsTo } from './claim-audit-stated-precision';
import { cellTotal, columnOf } from './claim-audit-table-lines';

/** "Roughly equivalent" is read as: the two totals within 5% of the dearer one. */
export const ROUGHLY_EQUAL_SHARE = new Dec('0.05');
const HUNDRED = new Dec(100);
const TWELVE = new Dec(12);

/**
 * A tier's verdict ("Open source is 55% cheaper.") checked against the same tier's totals:
 * each figure the audit can read is one finding; a verdict with none is marked unchecked.
 */
export function auditVerdict(table: TierTable, tier: CostTier): AuditFinding[] {
  const verdict = tier.verdict;
  if (verdict === null) return [];
  const apiCol = columnOf(table.columns, 'api');
  const selfCol = columnOf(table.columns, 'selfHost');
  const title = `Verdict at ${writeTokens(tier.tokensPerDay)} tokens/day: “${verdict}”`;
  if (apiCol === null || selfCol === null) {
    return [
      finding(
        'verdict',
        'unchecked',
        title,
        'The table has no pair of API and self-hosted columns to check the verdict against.',
      ),
    ];
  }
  const money = (d: Dec) => writeMoney(d, table.currency);
  const api = cellTotal(tier.cells[apiCol.index]!);
  const self = cellTotal(tier.cells[selfCol.index]!);
  const per = table.period === 'month' ? 'a month' : 'a year';
  const totals = `self-hosted ${money(self)} and API ${money(api)} ${per}`;
  const out: AuditFinding[] = [];

  const percent = readPercentCheaper(verdict);
  if (percent !== null) {
    const [cheapName, dearName, cheap, dear] =
      percent.side === 'selfHost' ? ['self', 'API', self, api] : ['API', 'self', api, self];
    const shares = savingsShares(dear, cheap);
    const share = shares.ofDearer;
    const figures = [
      {
        label: `(${dearName} − ${cheapName}) / ${dearName}`,
        value: share === null ? '' : toPlain(share),
        unit: 'share' as const,
      },
      ...(shares.ofCheaper === null
        ? []
        : [
            {
              label: `(${dearName} − ${cheapName}) / ${cheapName}`,
              value: toPlain(shares.ofCheaper),
              unit: 'share' as const,
            },
          ]),
    ];
    if (share === null) {
      out.push(
        finding(
          'verdict',
          'unchecked',
          title,
          `The ${dearName} total is zero, so no percentage can be taken of it.`,
        ),
      );
    } else {
      const ok =
        cheap.lessThan(dear) && roundsTo(share.mul(HUNDRED), percent.percent, percent.places);
      const calc = `(${dearName} − ${cheapName}) / ${dearName} = (${money(dear)} − ${money(cheap)}) / ${money(dear)} = ${writePercent(share)}`;
      const other =
        shares.ofCheaper === null
          ? ''
          : ` On the ${cheapName === 'self' ? 'self-hosted' : 'API'} total as the base it would be ${writePercent(shares.ofCheaper)}.`;
      const text = ok
        ? `With ${totals}: ${calc}, which rounds to the stated ${writeNumber(percent.percent, percent.places)}%.${other}`
        : cheap.greaterThanOrEqualTo(dear)
          ? `With ${totals}, the side said to be cheaper is not: ${cheapName === 'self' ? 'self-hosting' : 'the API'} costs ${money(cheap.minus(dear))} ${per} more.`
          : `With ${totals}: ${calc}, not the stated ${writeNumber(percent.percent, percent.places)}%.${other}`;
      out.push(finding('verdict', ok ? 'consistent' : 'inconsistent', title, text, figures));
    }
  }

  const times = readTimesCheaper(verdict);
  if (times !== null) {
    const [cheap, dear] = times.side === 'selfHost' ? [self, api] : [api, self];
    if (!cheap.isZero()) {
      const ratio = dear.div(cheap);
      const ok = roundsTo(ratio, times.times, times.places);
      out.push(
        finding(
          'verdict',
          ok ? 'consistent' : 'inconsistent',
          title,
          `With ${totals}, the dearer side costs ${writeNumber(ratio)} times the cheaper; the verdict says ${writeNumber(times.times, times.places)} times.`,
          [{ label: 'ratio', value: toPlain(ratio), unit: 'ratio' }],
        ),
      );
    }
  }

  const difference = readDifference(verdict);
  if (difference !== null) {
    const stated = tier.annual;
    const apiYear = stated.find((a) => a.column === apiCol.column.key)?.amount;
    const selfYear = stated.find((a) => a.column === selfCol.column.key)?.amount;
    const factor = table.period === 'month' ? TWELVE : new Dec(1);
    const yearly =
      apiYear !== undefined && selfYear !== undefined
        ? apiYear.minus(selfYear).abs()
        : api.minus(self).abs().mul(factor);
    const gap = difference.per === 'year' ? yearly : yearly.div(TWELVE);
    const basis =
      apiYear !== undefined && selfYear !== undefined
        ? 'the stated annual figures'
        : `12 × the monthly totals`;
    const inScale = gap.div(difference.scale);
    const ok = roundsTo(inScale, difference.amount, difference.places);
    const scaleWord = difference.scaleWord === '' ? '' : ` ${difference.scaleWord}`;
    const statedWords = `${table.currency === 'USD' ? '$' : `${table.currency} `}${writeNumber(difference.amount, difference.places)}${scaleWord} per ${difference.per}`;
    out.push(
      finding(
        'verdict',
        ok ? 'consistent' : 'inconsistent',
        title,
        `From ${basis}, the difference is ${money(gap)} per ${difference.per}${ok ? `, which is the stated ${statedWords}` : `, not the stated ${statedWords}`}.`,
        [{ label: `difference per ${difference.per}`, value: toPlain(gap), unit: 'money' }],
      ),
    );
  }

  if (readsRoughlyEqual(verdict)) {
    const dear = Dec.max(api, self);
    const gap = api.minus(self).abs();
    const share = dear.isZero() ? new Dec(0) : gap.div(dear);
    const ok = share.lessThanOrEqualTo(ROUGHLY_EQUAL_SHARE);
    const cheaper = self.lessThan(api)
      ? 'self-hosting'
      : api.lessThan(self)
        ? 'the API'
        : 'neither';
    out.push(
      finding(
        'verdict',
        ok ? 'consistent' : 'inconsistent',
        title,
        `With ${totals}, the gap is ${money(gap)} (${writePercent(share)} of the dearer; ${cheaper} is cheaper). “Roughly equivalent” is read as within ${writePercent(ROUGHLY_EQUAL_SHARE, 0)}: ${ok ? 'it is' : 'it is not'}.`,
        [{ label: 'gap / dearer total', value: toPlain(share), unit: 'share' }],
      ),
    );
  }

  if (out.length === 0) {
    out.push(
      finding(
        'verdict',
        'unchecked',
        title,
        `The verdict states no figure the audit can read (a percentage cheaper, a difference per year or month, or “roughly equivalent”); with ${totals}.`,
      ),
    );
  }
  return out;
}
