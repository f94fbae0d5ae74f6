import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../src/core/decimal';
import { auditSource } from '../../src/core/claim-audit-source';
import type { ClaimSource } from '../../src/core/claim-audit-source-types';
import {
  readDifference,
  readPercentCheaper,
  readsRoughlyEqual,
} from '../../src/core/claim-audit-text-patterns';
import { blendedPrice, inputShareForPrice } from '../../src/core/claim-audit-stated-price';
import { roundsTo } from '../../src/core/claim-audit-stated-precision';
import type { SidePoint } from '../../src/core/claim-audit-table-lines';
import { findCrossings, readSides } from '../../src/core/claim-audit-tier-interpolation';
import { readClaimSources } from '../../src/scenario/claims/read-claim-source';
import { allFindings, figure, findingTitled } from './claim-audit-helpers';

/** A user source from JSON, failing the test if the reader rejects it. */
function source(json: unknown): ClaimSource {
  const read = readClaimSources(json);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.sources[0]!;
}

/** A two-tier monthly table with GPU counts; `over` changes what the table states. */
function vendorTable(over: { total?: number; annual?: number; verdict?: string } = {}) {
  return {
    id: 'vendor',
    title: 'Vendor',
    stated_assumptions: { api_blended_rate_usd_per_1M: { input: '1.25', output: 10 } },
    tables: [
      {
        id: 'monthly',
        unit: 'USD per month',
        columns: ['self_hosted', 'api'],
        tiers: [
          {
            tokens_per_day: 50_000_000,
            self_hosted: {
              compute: 3650,
              gpus: 2,
              engineering: 10000,
              engineering_fte: '0.5',
              total: over.total ?? 13650,
            },
            api: { api_costs: 5000, total: 5000 },
            annual: { self_hosted: over.annual ?? 163800, api: 60000 },
            verdict: over.verdict ?? 'The API is 63% cheaper.',
          },
          {
            tokens_per_day: 500_000_000,
            self_hosted: {
              compute: 29200,
              gpus: 16,
              engineering: 20000,
              engineering_fte: 1,
              total: 49200,
            },
            api: { api_costs: 50000, total: 50000 },
          },
        ],
      },
    ],
  };
}

describe('a user table with GPU counts and stated input/output prices', () => {
  const findings = allFindings(auditSource(source(vendorTable())));

  it('prices the GPU-hour from the GPU count', () => {
    // 3,650 / (2 GPUs x 730 hours) = 2.50; 29,200 / (16 x 730) = 2.50 (365/12 days: no round API price)
    const f = findingTitled(
      findings,
      'Price per GPU-hour, self-hosted (self hosted) at 50,000,000',
    );
    expect(f.status).toBe('derived');
    expect(figure(f, 'per GPU-hour')).toBe('2.5');
    expect(figure(f, 'GPU-hours')).toBe('1460');
  });

  it('finds the input share at which the API line matches the stated prices', () => {
    // 50M x 365/12 = 1,520,833,333.33 tokens: 5,000 / 1,520.8333 = 3.28767 per 1M.
    // i = (10 - 3.28767) / (10 - 1.25) = 0.767123: the line is right only at 76.71% input.
    const f = findingTitled(findings, '” at 50,000,000 tokens/day, at the stated prices');
    expect(f.status).toBe('consistent');
    expect(
      new Dec(figure(f, 'input share that gives the stated line')).toDecimalPlaces(6).toFixed(),
    ).toBe('0.767123');
    expect(f.text).toContain('only if 76.71% of the tokens are input');
  });

  it('checks a verdict that favours the API', () => {
    // (13,650 - 5,000) / 13,650 = 63.37% -> "63%"
    expect(findingTitled(findings, 'Verdict at 50,000,000').status).toBe('consistent');
  });

  it('finds the crossing between the tiers by linear interpolation', () => {
    // self - API: 50M: 8,650; 500M: -800 -> 50M + 450M x 8,650 / 9,450 = 461,904,761.90
    const f = findingTitled(findings, 'Break-even implied by the table (as published)');
    expect(new Dec(figure(f, 'crossing 1, tokens/day')).toDecimalPlaces(2).toFixed(2)).toBe(
      '461904761.90',
    );
    expect(f.text).toContain('on straight lines between the 50M and 500M tiers');
  });
});

describe('inconsistencies in a user table', () => {
  it('reports a total that is not the sum of its lines, with the difference', () => {
    const f = findingTitled(
      allFindings(auditSource(source(vendorTable({ total: 13000 })))),
      'Sum of the self-hosted (self hosted) lines at 50,000,000',
    );
    expect(f.status).toBe('inconsistent');
    expect(f.text).toContain(
      '$3,650 + $10,000 = $13,650, but the stated total is $13,000 ($650 less than the lines)',
    );
  });

  it('reports an annual figure that is not 12 x the monthly total', () => {
    // 12 x 13,650 = 163,800, not 160,000
    const f = findingTitled(
      allFindings(auditSource(source(vendorTable({ annual: 160000 })))),
      'Annual self-hosted (self hosted) at 50,000,000',
    );
    expect(f.status).toBe('inconsistent');
    expect(f.text).toContain('off by $3,800');
  });

  it('reports a percentage that does not round to the stated one, and a verdict naming the wrong side', () => {
    const wrongShare = findingTitled(
      allFindings(auditSource(source(vendorTable({ verdict: 'The API is 70% cheaper.' })))),
      'Verdict at 50,000,000',
    );
    expect(wrongShare.status).toBe('inconsistent');
    expect(wrongShare.text).toContain('63.37%, not the stated 70%');
    const wrongSide = findingTitled(
      allFindings(auditSource(source(vendorTable({ verdict: 'Self-hosting is 63% cheaper.' })))),
      'Verdict at 50,000,000',
    );
    expect(wrongSide.status).toBe('inconsistent');
    expect(wrongSide.text).toMatch(/the side said to be cheaper is not/);
  });

  it('marks a verdict with no readable figure as unchecked', () => {
    const f = findingTitled(
      allFindings(auditSource(source(vendorTable({ verdict: 'Choose what fits your team.' })))),
      'Verdict at 50,000,000',
    );
    expect(f.status).toBe('unchecked');
  });
});

describe('reading figures from verdicts', () => {
  it.each([
    ['Open source is 55% cheaper.', 'selfHost', '55', 0],
    ['Self-hosting is about 12.5% cheaper than the API', 'selfHost', '12.5', 1],
    ['Proprietary APIs are cheaper; the API is 63% cheaper.', 'api', '63', 0],
  ])('%s', (text, side, percent, places) => {
    const read = readPercentCheaper(text);
    expect(read?.side).toBe(side);
    expect(read?.percent.toFixed()).toBe(percent);
    expect(read?.places).toBe(places);
  });

  it('reads a difference with its scale and period', () => {
    const d = readDifference(
      'Open source is 81% cheaper; the difference is $8.88 million per year.',
    );
    expect([d?.amount.toFixed(), d?.places, d?.scale.toFixed(), d?.per]).toEqual([
      '8.88',
      2,
      '1000000',
      'year',
    ]);
    expect(readDifference('savings of $1,250 per month')?.amount.toFixed()).toBe('1250');
  });

  it('reads "roughly equivalent"', () => {
    expect(readsRoughlyEqual('Roughly equivalent; proprietary APIs may be simpler.')).toBe(true);
    expect(readsRoughlyEqual('Open source is 55% cheaper.')).toBe(false);
  });

  it('rounds to the stated precision, half away from zero', () => {
    expect(roundsTo(new Dec('55.43'), new Dec(55), 0)).toBe(true);
    expect(roundsTo(new Dec('55.5'), new Dec(56), 0)).toBe(true);
    expect(roundsTo(new Dec('8.875'), new Dec('8.88'), 2)).toBe(true);
    expect(roundsTo(new Dec('8.874'), new Dec('8.88'), 2)).toBe(false);
  });
});

describe('properties', () => {
  const amount = fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Dec(n));
  const tiers = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), amount, amount), {
      minLength: 2,
      maxLength: 6,
    })
    .map((rows) => {
      let volume = 0;
      return rows.map(([step, api, self]): SidePoint => {
        volume += step;
        return { tokensPerDay: new Dec(volume), api, self };
      });
    });

  it('finds one crossing inside every segment where the cheaper side changes, where the two lines meet', () => {
    fc.assert(
      fc.property(tiers, (points) => {
        const crossings = findCrossings(points);
        for (let i = 0; i + 1 < points.length; i++) {
          const a = points[i]!;
          const b = points[i + 1]!;
          const da = a.self.minus(a.api);
          const db = b.self.minus(b.api);
          const inside = crossings.filter(
            (c) =>
              c.method === 'between' &&
              c.tokensPerDay.greaterThan(a.tokensPerDay) &&
              c.tokensPerDay.lessThan(b.tokensPerDay),
          );
          const changes = !da.isZero() && !db.isZero() && da.isNegative() !== db.isNegative();
          expect(inside).toHaveLength(changes ? 1 : 0);
          for (const c of inside) {
            const r = readSides(points, c.tokensPerDay)!;
            // 40 significant digits: equal to far below a cent
            expect(r.self.minus(r.api).abs().lessThan('1e-20')).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives back the input share a blended price was made with', () => {
    const cents = fc.integer({ min: 0, max: 100_000 }).map((n) => new Dec(n).div(100));
    const share = fc.integer({ min: 0, max: 10_000 }).map((n) => new Dec(n).div(10_000));
    fc.assert(
      fc.property(cents, cents, share, (input, output, inputShare) => {
        fc.pre(!input.equals(output));
        const price = { inputPerM: input, outputPerM: output, from: 'test', claimId: null };
        const split = inputShareForPrice(price, blendedPrice(price, inputShare));
        expect(split.kind).toBe('at');
        if (split.kind === 'at')
          expect(split.inputShare.minus(inputShare).abs().lessThan('1e-30')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
