import { describe, expect, it } from 'vitest';
import { allFindings, figure, findingTitled, publishedAudit, round } from './claim-audit-helpers';

/**
 * budgets-shifted-2026: an annual table by cost driver at an unstated volume.
 *                 API        self-hosted
 *   inference  1,200,000       450,000
 *   fine-tuning  200,000        50,000
 *   engineering   50,000       300,000
 *   total      1,450,000       800,000
 * The source states GPT-4o at ~$5 per 1M and "60% cheaper above 50M tokens/day".
 */
describe('budgets-shifted-2026', () => {
  const audit = publishedAudit('budgets-shifted-2026');
  const findings = audit.tables[0]!.findings;

  it('adds both columns up to their totals', () => {
    // 1,200,000 + 200,000 + 50,000 = 1,450,000; 450,000 + 50,000 + 300,000 = 800,000
    const sums = findings.filter((f) => f.topic === 'sum');
    expect(sums.map((f) => f.status)).toEqual(['consistent', 'consistent']);
  });

  it('gives the monthly totals (annual / 12)', () => {
    // 1,450,000 / 12 = 120,833.33; 800,000 / 12 = 66,666.67
    const f = findingTitled(findings, 'Totals per month');
    expect(round(figure(f, 'proprietary api strategy per month'), 2)).toBe('120833.33');
    expect(round(figure(f, 'open source self hosted strategy per month'), 2)).toBe('66666.67');
  });

  it('derives the break-even by scaling the API inference row, with the method stated', () => {
    // The totals meet when inference = 800,000 - (200,000 + 50,000) = 550,000 = 45.83% of 1,200,000.
    // At $5 per 1M, 1,200,000 a year is 240e9 tokens: 657,534,246.58 a day (365 days), so the
    // break-even is 0.458333 x 657,534,246.58 = 301,369,863.01 tokens/day (305,555,555.56 at 360 days).
    const f = findingTitled(findings, 'Break-even implied by the table');
    expect(round(figure(f, 'break-even, share of the table volume'), 6)).toBe('0.458333');
    expect(round(figure(f, 'break-even tokens/day, 365/12 days a month'), 2)).toBe('301369863.01');
    expect(round(figure(f, 'break-even tokens/day, 30-day months'), 2)).toBe('305555555.56');
    expect(f.text).toMatch(/Method: the API's inference row grows in proportion to volume/);
  });

  it('turns the stated $5 per 1M into the volume the table implies', () => {
    // 1,200,000 / 5 x 1e6 = 240e9 tokens a year; / 365 = 657,534,246.58; / 360 = 666,666,666.67
    const f = findingTitled(findings, 'Volume implied by the stated price');
    expect(round(figure(f, 'tokens/day, 365/12 days a month'), 2)).toBe('657534246.58');
    expect(round(figure(f, 'tokens/day, 30-day months'), 2)).toBe('666666666.67');
    expect(f.text).toContain('claim "api-price"');
  });

  it('cannot price an FTE or a GPU-hour, and says why', () => {
    expect(findingTitled(findings, 'Cost per FTE').status).toBe('unchecked');
    // 450,000 / 8,760 hours = 51.37 an hour for all GPUs together
    const gpu = findingTitled(findings, 'Price per GPU-hour');
    expect(gpu.status).toBe('unchecked');
    expect(round(figure(gpu, 'inference per hour'), 2)).toBe('51.37');
  });

  it('marks "60% cheaper above 50M tokens/day" inconsistent, with both bases of the table', () => {
    // Table: (1,450,000 - 800,000) / 1,450,000 = 44.83%; inference row alone (1,200,000 - 450,000) / 1,200,000 = 62.50%.
    // At 50M tokens/day the API a month: 250,000 / 12 + 1,200,000 x (50M / 657,534,246.58) / 12
    //   = 20,833.33 + 7,604.17 = 28,437.50, against self-hosted 66,666.67: self-hosting costs 134.43% more.
    // 60% cheaper needs API = 800,000 / 0.4 = 2,000,000 a year: inference 1,750,000 -> 958,904,109.59 tokens/day.
    const f = findingTitled(audit.claims, '60% cheaper');
    expect(f.status).toBe('inconsistent');
    expect(round(figure(f, 'table savings, (API − self) / API'), 6)).toBe('0.448276');
    expect(f.text).toContain('on the inference row alone 62.50%');
    expect(f.text).toContain('self-hosting costs $66,666.67 and the API $28,437.50 a month');
    expect(f.text).toContain('it costs 134.43% more than the API');
    expect(round(figure(f, 'volume at which savings reach 60%'), 2)).toBe('958904109.59');
    expect(f.text).toContain('self-hosting is cheaper above about 301,369,863 tokens/day');
  });

  it('leaves the price and LoRA claims unchecked, with what the source does say', () => {
    expect(findingTitled(audit.claims, '~$5.00 per 1M').status).toBe('unchecked');
    // 50,000 / 100 = 500 runs
    const lora = findingTitled(audit.claims, 'LoRA');
    expect(lora.status).toBe('unchecked');
    expect(lora.text).toContain('would pay for 500 runs at $100');
  });

  it('lists the one inconsistency', () => {
    expect(allFindings(audit).filter((f) => f.status === 'inconsistent')).toHaveLength(1);
  });
});

describe('consolidation-2026: a price list, not a cost table', () => {
  const audit = publishedAudit('consolidation-2026');
  const findings = audit.tables[0]!.findings;

  it('says there is nothing to add up and derives the blended prices', () => {
    expect(findingTitled(findings, 'What this table allows').text).toMatch(/nothing to add up/);
    // Mistral Medium 3.1: 0.75 x 0.40 + 0.25 x 1.20 = 0.60; (0.40 + 1.20) / 2 = 0.80; 1.20 / 0.40 = 3
    const mistral = findingTitled(findings, 'Mistral Medium 3.1');
    expect([
      figure(mistral, 'blended 3:1'),
      figure(mistral, 'blended 1:1'),
      figure(mistral, 'output / input'),
    ]).toEqual(['0.6', '0.8', '3']);
    // GPT-5.1 Mini: 0.75 x 1.10 + 0.25 x 4.40 = 1.925; Claude Sonnet 4.5: 2.25 + 3.75 = 6
    expect(figure(findingTitled(findings, 'GPT-5.1 Mini'), 'blended 3:1')).toBe('1.925');
    expect(figure(findingTitled(findings, 'Claude Sonnet 4.5'), 'blended 3:1')).toBe('6');
  });

  it('flags the $0 open-weight rows as licence prices, not serving costs', () => {
    const free = findingTitled(findings, 'Rows at $0.00');
    expect(free.text).toContain('GLM-4.7, Llama 4 Scout, Qwen3');
    expect(free.text).toMatch(/not the cost of serving them/);
  });

  it('bounds the 2-10x claim by the dearest API in its own table', () => {
    // 1M tokens a month at $15 per 1M (all output, Claude Sonnet 4.5) = $15; / 10 = 1.50, / 2 = 7.50
    const f = findingTitled(audit.claims, '2-10x');
    expect(f.status).toBe('unchecked');
    expect(figure(f, 'API cost at most, a month')).toBe('15');
    expect(f.text).toContain('self-hosting for $1.50-$7.50 a month');
  });
});

describe('sources with claims only', () => {
  it('mainstream-2026: says there is no table and works out its own ratios', () => {
    const audit = publishedAudit('mainstream-2026');
    expect(audit.tables).toHaveLength(0);
    expect(findingTitled(audit.notes, 'No table').status).toBe('unchecked');
    // $2 / $0.50 = 4; $15 / $0.20 = 75
    expect(findingTitled(audit.claims, 'Maverick').text).toContain('4 to 75 times dearer');
    expect(audit.claims.every((f) => f.status === 'unchecked')).toBe(true);
  });

  it('hybrid-era-2026: nothing numeric to check', () => {
    const audit = publishedAudit('hybrid-era-2026');
    expect(audit.claims.map((f) => f.status)).toEqual(['unchecked', 'unchecked']);
    expect(findingTitled(audit.claims, '90-95%').text).toMatch(/model quality, not cost/);
  });
});
