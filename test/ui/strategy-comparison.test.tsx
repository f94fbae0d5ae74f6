import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import StrategyComparison from '../../src/ui/portfolio/StrategyComparison';
import { EvaluationProvider } from '../../src/ui/evaluation-context';
import { createCalculatorStore } from '../../src/state/calculator-store';
import { CalculatorStoreContext } from '../../src/state/store-context';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { evaluateModel } from '../../src/core/evaluate';
import { formatTokens } from '../../src/ui/format';
import { fragmentationWork, SYNC_WORK_LIMIT } from '../../src/ui/portfolio/use-fragmentation';
import { scaleScenario } from '../../bench/scale-scenario';

afterEach(cleanup);
// The 50 × 30 × 12 case evaluates in about 0.3 s and renders 600 cells in jsdom.
vi.setConfig({ testTimeout: 20_000 });

type Obj = Record<string, unknown>;

/** A fresh store on `scenario`, with the comparison under an evaluation provider. */
function renderComparison(scenario: Obj) {
  const v = validateScenario(scenario);
  if (!v.ok) throw new Error(`invalid test scenario: ${JSON.stringify(v.errors)}`);
  const doc = v.document;
  const store = createCalculatorStore({
    doc,
    validDoc: doc,
    origin: { presetId: null, loaded: doc, catalogRefs: {} },
  });
  render(
    <CalculatorStoreContext.Provider value={store}>
      <EvaluationProvider>
        <StrategyComparison currency="USD" />
      </EvaluationProvider>
    </CalculatorStoreContext.Provider>,
  );
  return { store, model: v.scenario };
}

const route = (workloadId: string, optionId: string, share: number | string = 1) => ({
  workloadId,
  optionId,
  share,
});

/** DESIGN 3.6a's workload: 50M tokens/day, 80% input, a quarter of it cached, peak twice the mean. */
const workload = (id: string) => ({
  id,
  name: `Workload ${id.toUpperCase()}`,
  tokensPerDay: 50_000_000,
  inputShare: '0.8',
  cachedInputShare: '0.25',
  peakToAverage: 2,
});

/** DESIGN 3.6a's self-hosted option (one H100 at 2.50/hour), with 100 a month of fine-tuning. */
const h100 = (id: string, name: string) => ({
  kind: 'selfHost',
  id,
  name,
  gpu: { mode: 'hourly', hourlyPerGpu: '2.50' },
  prefillTokensPerSec: 10000,
  decodeTokensPerSec: 1500,
  targetUtilization: '0.75',
  storagePerMonth: 300,
  monitoringPerMonth: 200,
  monitoringPerGpuMonth: 10,
  engineeringFte: [{ fromTokensPerDay: 0, fte: '0.5' }],
  fineTuningPerMonth: 100,
});

/**
 * Three workloads of 50M tokens/day; staff at 240,000 a year, no discounting, 12 months.
 * - All on GPT (baseline): usage 3 · 4,220.3125 + integration 2,000 = 14,660.94 a month.
 * - Portfolio: A on Llama (12,435: GPU 1,825, storage 300, monitoring 210, staff 10,000,
 *   fine-tuning 100), B and half of C on Qwen (12,435, still one replica), the other half of C on
 *   GPT (2,110.16 + 2,000): 28,980.16 a month.
 * - Pooled: everything on Llama, one replica at 37.0%: 12,435.00 a month.
 * - Dear API: a pricier API, never cheaper than the baseline.
 */
const PORTFOLIO: Obj = {
  format: 'llm-tco-scenario',
  version: 1,
  name: 'Portfolio test',
  settings: { horizonMonths: 12, discountRatePerYear: 0, fteCostPerYear: 240000 },
  workloads: [workload('a'), workload('b'), workload('c')],
  options: [
    {
      kind: 'api',
      id: 'gpt',
      name: 'GPT',
      inputPerM: '1.25',
      outputPerM: 10,
      cachedInputPerM: '0.125',
      integrationFte: '0.1',
    },
    {
      kind: 'api',
      id: 'dear',
      name: 'Dear API',
      inputPerM: '2.5',
      outputPerM: 20,
      cachedInputPerM: '0.25',
      integrationFte: '0.1',
    },
    h100('llama', 'Llama'),
    h100('qwen', 'Qwen'),
  ],
  strategies: [
    {
      id: 'gpt',
      name: 'All on GPT',
      routes: [route('a', 'gpt'), route('b', 'gpt'), route('c', 'gpt')],
    },
    {
      id: 'portfolio',
      name: 'Portfolio',
      routes: [
        route('a', 'llama'),
        route('b', 'qwen'),
        route('c', 'gpt', '0.5'),
        route('c', 'qwen', '0.5'),
      ],
    },
    {
      id: 'pooled',
      name: 'Pooled',
      routes: [route('a', 'llama'), route('b', 'llama'), route('c', 'llama')],
    },
    {
      id: 'dear',
      name: 'Dear API',
      routes: [route('a', 'dear'), route('b', 'dear'), route('c', 'dear')],
    },
  ],
};

const comparison = () => screen.getByRole('region', { name: 'Strategies compared' });

/** The visible text of each cell of a row, found by its row header. */
function rowCells(table: HTMLElement, header: string | RegExp): string[] {
  const row = within(table).getByRole('rowheader', { name: header }).closest('tr') as HTMLElement;
  return within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

describe('StrategyComparison with a three-deployment portfolio, to the cent', () => {
  it('starts with a summary in words', () => {
    renderComparison(PORTFOLIO);
    const summary = within(comparison()).getAllByRole('paragraph')[0];
    expect(summary).toHaveTextContent(
      '4 strategies compared with the baseline “All on GPT”. ' +
        'Cheapest today: “Pooled” at $12,435.00 a month ($2.73 per 1M tokens), ' +
        '$2,225.94 a month less than the baseline. ' +
        "Lowest cost over 12 months in today's money (NPV): “Pooled”, $149,220.00.",
    );
  });

  it('compares every strategy in one table, the baseline marked', () => {
    const { model } = renderComparison(PORTFOLIO);
    const table = within(comparison()).getByRole('table', { name: /^Strategies at today/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Strategy',
      'Per month',
      'Per 1M tokens',
      'NPV of cost',
      'Saves a month',
      'NPV of savings',
      'Payback',
      'Break-even volume',
      'Self-hosted pools',
    ]);
    expect(rowCells(table, 'All on GPT baseline')).toEqual([
      '$14,660.94',
      '$3.21',
      '$175,931.25',
      'the baseline: the others are compared with it',
      'none (API only)',
    ]);
    const result = evaluateModel(model);
    const be = result.strategies[1]?.vsBaseline?.breakEven;
    if (be?.kind !== 'at') throw new Error('expected the portfolio to break even');
    expect(rowCells(table, 'Portfolio')).toEqual([
      '$28,980.16',
      '$6.35',
      '$347,761.88',
      '-$14,319.22',
      '-$171,830.63',
      'not within 12 months',
      `${formatTokens(be.tokensPerDay)} tokens/day`,
      'Llama: 1 GPU at 12.3% utilizationQwen: 1 GPU at 18.5% utilization',
    ]);
    const pooledBreakEven = result.strategies[2]?.vsBaseline?.breakEven;
    if (pooledBreakEven?.kind !== 'at') throw new Error('expected pooling to break even');
    expect(rowCells(table, 'Pooled')).toEqual([
      '$12,435.00',
      '$2.73',
      '$149,220.00',
      '$2,225.94',
      '$26,711.25',
      'month 1',
      `${formatTokens(pooledBreakEven.tokensPerDay)} tokens/day`,
      'Llama: 1 GPU at 37.0% utilization',
    ]);
  });

  it('explains "always" and "never" a click away', () => {
    renderComparison(PORTFOLIO);
    const table = within(comparison()).getByRole('table', { name: /^Strategies at today/ });
    const dearRow = within(table).getByRole('rowheader', { name: 'Dear API' }).closest('tr');
    const never = within(dearRow as HTMLElement).getByText('never');
    fireEvent.click(never);
    expect(never.closest('details')).toHaveTextContent(
      /every extra 1M tokens costs USD 5\.55 with "Dear API" against USD 2\.78 with "All on GPT", so the gap only widens/,
    );
  });

  it('explains "always" a click away', () => {
    const cheap = {
      kind: 'api',
      id: 'cheap',
      name: 'Cheap API',
      inputPerM: '0.5',
      outputPerM: 5,
      cachedInputPerM: '0.05',
    };
    renderComparison({
      ...PORTFOLIO,
      options: [...(PORTFOLIO.options as Obj[]), cheap],
      strategies: [
        (PORTFOLIO.strategies as Obj[])[0],
        { id: 'cheap', name: 'Cheap', routes: ['a', 'b', 'c'].map((w) => route(w, 'cheap')) },
      ],
    });
    const table = within(comparison()).getByRole('table', { name: /^Strategies at today/ });
    const row = within(table).getByRole('rowheader', { name: 'Cheap' }).closest('tr');
    expect(
      within(row as HTMLElement)
        .getByText('always')
        .closest('details'),
    ).toHaveTextContent(
      '“Cheap” costs no more than the baseline at every volume up to 1,000,000,000,000 tokens/day.',
    );
  });

  it('shows which options serve each workload and its cost per 1M tokens', () => {
    renderComparison(PORTFOLIO);
    const table = within(comparison()).getByRole('table', { name: /^Which option serves/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Workload', 'All on GPT baseline', 'Portfolio', 'Pooled', 'Dear API']);
    // Per 1M tokens: GPT's integration shared three ways, 4,886.98 a month over 1,520.83M
    // tokens; Llama alone for A, 12,435 over the same; C half on GPT (4,110.16 with the
    // integration) plus a third of Qwen (4,145).
    expect(rowCells(table, /^Workload A/)).toEqual([
      'GPT $3.21 per 1M',
      'Llama $8.18 per 1M',
      'Llama $2.73 per 1M lowest',
      'Dear API $5.99 per 1M',
    ]);
    expect(rowCells(table, /^Workload C/)[1]).toBe('GPT: 50.0% Qwen: 50.0% $5.43 per 1M');
    expect(within(table).getByRole('rowheader', { name: /^Workload B/ })).toHaveTextContent(
      'Workload B 50,000,000 tokens/day',
    );
  });

  it('states the cost of fragmentation in words with money', () => {
    renderComparison(PORTFOLIO);
    const section = within(comparison()).getByRole('region', {
      name: 'The cost of fragmentation',
    });
    expect(section).toHaveTextContent(
      '“Portfolio” runs 2 self-hosted deployments: 2 GPUs and 1 FTE, $24,870.00 a month. ' +
        'Pooling the same traffic on Qwen, the cheapest of them as a single pool, would need ' +
        '1 GPU and 0.5 FTE, $12,435.00 a month: fragmentation costs $12,435.00 a month, ' +
        '$149,220.00 a year (1 more GPU and 0.5 more FTE than the pool).',
    );
    expect(section).toHaveTextContent(
      'Not applicable to “All on GPT”, “Pooled”, “Dear API”: fewer than two self-hosted deployments.',
    );
    fireEvent.click(within(section).getByText('Pooling on each deployment of “Portfolio”'));
    const candidates = within(section).getByRole('table', { name: /^“Portfolio” today/ });
    // Equally cheap: the pool goes to Qwen, which serves more today (75M tokens/day to 50M).
    expect(rowCells(candidates, 'Llama')).toEqual([
      '1',
      '30.9%',
      '0.5 FTE',
      '$12,435.00',
      '$12,435.00',
    ]);
    expect(rowCells(candidates, 'Qwen cheapest')).toEqual([
      '1',
      '30.9%',
      '0.5 FTE',
      '$12,435.00',
      '$12,435.00',
    ]);
    expect(section).toHaveTextContent(
      'The difference with the cheapest pool, by part: GPUs $1,825.00, storage $300.00, ' +
        'monitoring $210.00, engineering staff $10,000.00, fine-tuning $100.00 a month.',
    );
  });

  it('says when splitting the traffic is cheaper than any single pool', () => {
    const lopsided = (id: string, hourly: number, prefill: number, decode: number) => ({
      kind: 'selfHost',
      id,
      name: id === 'p' ? 'Prefill box' : 'Decode box',
      gpu: { mode: 'hourly', hourlyPerGpu: hourly },
      prefillTokensPerSec: prefill,
      decodeTokensPerSec: decode,
    });
    renderComparison({
      format: 'llm-tco-scenario',
      version: 1,
      workloads: [
        { id: 'in', tokensPerDay: 86_400_000, inputShare: 1 },
        { id: 'out', tokensPerDay: 86_400_000, inputShare: 0 },
      ],
      options: [lopsided('p', 1, 1_000_000, 100), lopsided('d', 2, 100, 1_000_000)],
      strategies: [{ id: 'split', name: 'Split', routes: [route('in', 'p'), route('out', 'd')] }],
    });
    expect(comparison()).toHaveTextContent(
      'would need 11 GPUs and 0 FTE, $8,030.00 a month: here splitting the traffic is cheaper, ' +
        'by $5,840.00 a month (9 fewer GPUs than the pool, the same staff).',
    );
  });
});

describe('StrategyComparison as the inputs change', () => {
  it('follows an edit: half the staff cost halves the staff part of fragmentation', async () => {
    const { store } = renderComparison(PORTFOLIO);
    act(() => store.getState().setField(['settings', 'fteCostPerYear'], '120000'));
    // 1,825 + 300 + 210 + 0.5 · 120,000 / 12 + 100.
    expect(
      await within(comparison()).findByText(/fragmentation costs \$7,435\.00 a month/),
    ).toBeInTheDocument();
  });

  it('keeps the last valid results while a field is invalid, and says so', async () => {
    const { store } = renderComparison(PORTFOLIO);
    act(() => store.getState().setField(['workloads', 0, 'tokensPerDay'], 'lots'));
    expect(
      await within(comparison()).findByText('Showing the last valid inputs.'),
    ).toBeInTheDocument();
    expect(comparison()).toHaveTextContent('Cheapest today: “Pooled” at $12,435.00 a month');
  });
});

describe('StrategyComparison at the scale budget (50 workloads × 30 options × 12 strategies)', () => {
  it('renders the tables at once and the fragmentation analysis after the inputs settle', async () => {
    const input = scaleScenario();
    const v = validateScenario(input);
    if (!v.ok) throw new Error('invalid scale scenario');
    expect(fragmentationWork(v.scenario)).toBeGreaterThan(SYNC_WORK_LIMIT);
    renderComparison(input);
    const assignments = within(comparison()).getByRole('table', { name: /^Which option serves/ });
    expect(within(assignments).getAllByRole('row')).toHaveLength(51);
    const section = within(comparison()).getByRole('region', {
      name: 'The cost of fragmentation',
    });
    expect(within(section).getByRole('status')).toHaveTextContent(/Working out/);
    await waitFor(() => expect(section).toHaveTextContent(/fragmentation costs \$/), {
      timeout: 10_000,
    });
    expect(section).toHaveAttribute('aria-busy', 'false');
    // Ten of the twelve strategies run several deployments.
    expect(within(section).getAllByText(/^Pooling on each deployment of/)).toHaveLength(10);
  });
});
