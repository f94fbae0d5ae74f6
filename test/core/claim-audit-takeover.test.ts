import { describe, expect, it } from 'vitest';
import { allFindings, figure, findingTitled, publishedAudit, round } from './claim-audit-helpers';

/**
 * The AI Magicx monthly TCO table (takeover-2026), audited and checked against hand computation.
 * Tiers (USD a month):       10M/day   100M/day   1B/day
 *   self-hosted total          9,200     41,000   170,000
 *   API total                  9,500     92,000   910,000   (API usage 9,000 / 90,000 / 900,000)
 */
const audit = publishedAudit('takeover-2026');
const table = audit.tables.find((t) => t.tableId === 'monthly-tco-by-volume')!;
const findings = table.findings;

describe('takeover-2026: sums and annual figures', () => {
  it('adds every column up to its stated total', () => {
    // 3,500 + 200 + 5,000 + 500 = 9,200; 500 + 9,000 = 9,500
    // 18,000 + 1,000 + 20,000 + 2,000 = 41,000; 2,000 + 90,000 = 92,000
    // 95,000 + 5,000 + 60,000 + 10,000 = 170,000; 10,000 + 900,000 = 910,000
    const sums = findings.filter((f) => f.topic === 'sum');
    expect(sums).toHaveLength(6);
    expect(sums.every((f) => f.status === 'consistent')).toBe(true);
    const first = findingTitled(
      findings,
      'Sum of the self-hosted (self hosted open source) lines at 10,000,000',
    );
    expect(figure(first, 'lines add up to')).toBe('9200');
    expect(first.text).toContain('$3,500 + $200 + $5,000 + $500 = $9,200');
  });

  it('finds every annual figure equal to 12 x the monthly total', () => {
    // 12 x 9,200 = 110,400; 12 x 9,500 = 114,000; 12 x 41,000 = 492,000; 12 x 92,000 = 1,104,000;
    // 12 x 170,000 = 2,040,000; 12 x 910,000 = 10,920,000: all as published.
    const annual = findings.filter((f) => f.topic === 'annual');
    expect(annual).toHaveLength(6);
    expect(annual.every((f) => f.status === 'consistent')).toBe(true);
    expect(
      figure(
        findingTitled(findings, 'Annual API (proprietary api) at 1,000,000,000'),
        '12 × monthly',
      ),
    ).toBe('10920000');
  });
});

describe('takeover-2026: implied unit prices', () => {
  it('prices the API line per 1M tokens under both month lengths', () => {
    // 10M tokens/day x 365/12 days = 304,166,666.67 tokens a month: 9,000 / 304.1666... = 29.5890... per 1M
    // (exactly 9,000 x 12 / 3,650 = 29.58904109589...); on 30-day months 300M tokens: 9,000 / 300 = 30.
    const f = findingTitled(findings, 'API price implied at 10,000,000');
    expect(round(figure(f, 'per 1M, 365/12 days a month'), 10)).toBe('29.5890410959');
    expect(figure(f, 'per 1M, 30-day months')).toBe('30');
    // 100M and 1B tiers scale exactly: 90,000 / 3,000 = 900,000 / 30,000 = 30 per 1M.
    expect(
      figure(findingTitled(findings, 'API price implied at 100,000,000'), 'per 1M, 30-day months'),
    ).toBe('30');
    expect(
      figure(
        findingTitled(findings, 'API price implied at 1,000,000,000'),
        'per 1M, 30-day months',
      ),
    ).toBe('30');
  });

  it('says the table was built on 30-day months (one round price at every tier)', () => {
    const f = findingTitled(findings, 'Which month length explains the API line');
    expect(f.text).toMatch(/built on 30-day months/);
    expect(figure(f, 'per 1M, 30-day months')).toBe('30');
  });

  it('gives the all-in cost per 1M on 30-day months', () => {
    // 9,200 / 300 = 30.67; 9,500 / 300 = 31.67; 41,000 / 3,000 = 13.67; 170,000 / 30,000 = 5.67
    const f = findingTitled(findings, 'All-in cost per 1M tokens at 10,000,000');
    expect(round(figure(f, 'self-hosted (self hosted open source)'), 2)).toBe('30.67');
    expect(round(figure(f, 'API (proprietary api)'), 2)).toBe('31.67');
    const top = findingTitled(findings, 'All-in cost per 1M tokens at 1,000,000,000');
    expect(round(figure(top, 'self-hosted (self hosted open source)'), 2)).toBe('5.67');
  });

  it('finds $20,000 per FTE a month ($240,000 a year) at every tier', () => {
    // 5,000 / 0.25 = 20,000; 20,000 / 1 = 20,000; 60,000 / 3 = 20,000; x 12 = 240,000
    const f = findingTitled(findings, 'Cost per FTE');
    expect(f.status).toBe('derived');
    expect(figure(f, '10M per FTE a month')).toBe('20000');
    expect(figure(f, '1B per FTE a year')).toBe('240000');
    expect(f.text).toContain('$20,000 per FTE a month ($240,000 a year) at every tier');
  });

  it('cannot price a GPU-hour (no GPU count) and says what the compute line is per hour', () => {
    // 3,500 / 720 hours (30-day month) = 4.8611 an hour, for all GPUs together.
    const f = findingTitled(findings, 'Price per GPU-hour');
    expect(f.status).toBe('unchecked');
    expect(round(figure(f, '10M compute per hour'), 4)).toBe('4.8611');
    expect(f.text).toMatch(/no GPU count or GPU-hours/);
  });
});

describe('takeover-2026: break-even', () => {
  it('puts the table-implied break-even below its lowest tier, by stated extrapolation', () => {
    // self - API: 10M: -300; 100M: -51,000. Self-hosting is cheaper at every tier.
    // Extending the 10M-100M line: 10M - 300 x 90M / 50,700 = 10M - 532,544.38 = 9,467,455.62 tokens/day.
    const f = findingTitled(findings, 'Break-even implied by the table (as published)');
    expect(round(figure(f, 'crossing 1, tokens/day'), 2)).toBe('9467455.62');
    expect(f.text).toMatch(/Self-hosting is cheaper at every tier/);
    expect(f.text).toMatch(
      /Method: each side's total is a straight line between neighbouring tiers/,
    );
    expect(f.text).toMatch(/extrapolation/);
  });
});

describe('takeover-2026: recomputation at the stated $3 / $15 per 1M', () => {
  it('shows the API line cannot come from the stated prices under any input/output split', () => {
    // 100M/day on 30-day months = 3,000M tokens. At 3:1 (input share 0.75): 0.75 x 3 + 0.25 x 15 = 6 per 1M
    // -> 18,000 a month (18,250 on 365/12 days). All input 9,000, all output 45,000. The table's 90,000
    // needs 30 per 1M: input share (15 - 30) / (15 - 3) = -1.25, outside [0, 1].
    const f = findingTitled(findings, '” at 100,000,000 tokens/day, at the stated prices');
    expect(f.status).toBe('inconsistent');
    expect(figure(f, 'recomputed, 30-day months')).toBe('18000');
    expect(figure(f, 'recomputed, 365/12 days a month')).toBe('18250');
    expect(figure(f, 'all input')).toBe('9000');
    expect(figure(f, 'all output')).toBe('45000');
    expect(figure(f, 'input share that gives the stated line')).toBe('-1.25');
    expect(f.text).toMatch(/no split of input and output reproduces \$90,000/);
    expect(f.text).toMatch(/input share 75%, an assumption/);
    const recomputed = findings.filter(
      (x) => x.topic === 'recompute' && x.title.startsWith('API line'),
    );
    expect(recomputed.map((x) => x.status)).toEqual([
      'inconsistent',
      'inconsistent',
      'inconsistent',
    ]);
  });

  it('moves the break-even to about 561M tokens/day with the recomputed API line', () => {
    // API totals: 500 + 1,800 = 2,300; 2,000 + 18,000 = 20,000; 10,000 + 180,000 = 190,000.
    // self - API: 6,900; 21,000; -20,000 -> crossing 100M + 900M x 21,000 / 41,000 = 560,975,609.76.
    const f = findingTitled(findings, 'Break-even with the API line at the stated prices');
    expect(round(figure(f, 'crossing 1, tokens/day'), 2)).toBe('560975609.76');
    expect(f.text).toContain('10M: self-hosted $9,200, API $2,300');
  });
});

describe('takeover-2026: verdicts and narrative claims', () => {
  it('finds the three tier verdicts consistent with their tiers', () => {
    // 10M: |9,500 - 9,200| / 9,500 = 3.16% <= 5% ("roughly equivalent")
    const tenM = findingTitled(findings, 'Verdict at 10,000,000');
    expect(tenM.status).toBe('consistent');
    expect(round(figure(tenM, 'gap / dearer total'), 6)).toBe('0.031579');
    // 100M: (92,000 - 41,000) / 92,000 = 55.43% -> "55%"; on the self-hosted base 124.39%
    const hundredM = findingTitled(findings, 'Verdict at 100,000,000');
    expect(hundredM.status).toBe('consistent');
    expect(round(figure(hundredM, '(API − self) / API'), 6)).toBe('0.554348');
    expect(round(figure(hundredM, '(API − self) / self'), 6)).toBe('1.243902');
    // 1B: (910,000 - 170,000) / 910,000 = 81.32% -> "81%"; 10,920,000 - 2,040,000 = 8,880,000 -> "$8.88 million"
    const billion = findings.filter((f) => f.title.startsWith('Verdict at 1,000,000,000'));
    expect(billion.map((f) => f.status)).toEqual(['consistent', 'consistent']);
    expect(round(figure(billion[0]!, '(API − self) / API'), 6)).toBe('0.813187');
    expect(figure(billion[1]!, 'difference per year')).toBe('8880000');
  });

  it('marks the 30-50M crossover claim inconsistent with the table', () => {
    // On the 10M-100M lines at 30M: self 9,200 + 31,800 x 20/90 = 16,266.67; API 9,500 + 82,500 x 20/90 = 27,833.33.
    const f = findingTitled(audit.claims, 'Cost crossover');
    expect(f.status).toBe('inconsistent');
    expect(f.text).toContain('self-hosting costs $16,266.67 and the API $27,833.33 a month');
    expect(f.text).toContain(
      'At its lowest tier (10M) self-hosting is already cheaper: $9,200 against $9,500',
    );
  });

  it('marks "$500,000+ a month at 100M tokens/day" inconsistent: the table says $92,000', () => {
    // 500,000 / 92,000 = 5.43; even all output at $15: 3,000M x 15 = 45,000 (30-day months).
    const f = findingTitled(audit.claims, '$500,000+');
    expect(f.status).toBe('inconsistent');
    expect(figure(f, 'table API total, a month')).toBe('92000');
    expect(f.text).toContain('The claim is 5.43 times the table');
    expect(f.text).toContain('$45,000 (30-day months)');
  });

  it('lists exactly the inconsistencies found by hand', () => {
    const bad = allFindings(audit).filter((f) => f.status === 'inconsistent');
    expect(bad.map((f) => f.title)).toEqual([
      'API line “api costs” at 10,000,000 tokens/day, at the stated prices',
      'API line “api costs” at 100,000,000 tokens/day, at the stated prices',
      'API line “api costs” at 1,000,000,000 tokens/day, at the stated prices',
      expect.stringContaining('Cost crossover'),
      expect.stringContaining('$500,000+'),
    ]);
    expect(audit.tally.inconsistent).toBe(5);
  });

  it('checks what the stated assumptions allow', () => {
    expect(findingTitled(audit.notes, 'What the self-hosted costs include').status).toBe(
      'consistent',
    );
    expect(findingTitled(audit.notes, 'Amortized over 12 months').status).toBe('unchecked');
  });
});

describe('takeover-2026: the tables that are not cost tables', () => {
  it('checks the hardware table for weights that fit, and says what it cannot check', () => {
    const hw = publishedAudit('takeover-2026').tables.find(
      (t) => t.tableId === 'infrastructure-by-model-size',
    )!;
    expect(findingTitled(hw.findings, 'What this table allows').text).toMatch(/nothing to add up/);
    // 200B at BF16 = 400 GB <= 8 x 80 = 640 GB; 640 / 2 = 320B parameters at most.
    const big = findingTitled(hw.findings, '200B+ (full precision)');
    expect(big.status).toBe('consistent');
    expect(figure(big, 'weights at BF16')).toBe('400');
    expect(figure(big, 'minimum GPU memory')).toBe('640');
    expect(big.text).toContain('fit only up to 320B parameters');
    // 70B quantized: 35 GB at 4-bit, 70 GB at 8-bit, on 2 x 80 = 160 GB.
    const q70 = findingTitled(hw.findings, '70B (quantized)');
    expect([figure(q70, 'weights at 4-bit'), figure(q70, 'weights at 8-bit')]).toEqual([
      '35',
      '70',
    ]);
  });

  it('says the qualitative engines table has nothing to re-derive', () => {
    const engines = audit.tables.find((t) => t.tableId === 'inference-engines')!;
    expect(engines.findings).toHaveLength(1);
    expect(engines.findings[0]!.status).toBe('unchecked');
    expect(engines.findings[0]!.text).toMatch(/nothing to add up, no unit price and no break-even/);
  });
});
