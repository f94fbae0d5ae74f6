/**
 * The sensitivity panel (issue 6 item 1) on visible text and roles: the tornado, its summary and
 * table from the real jobs (run on the page in slices, as without a worker), the swing field, the
 * ranking switch, "show all", progress, cancel and errors with a scripted client.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Calculator } from '../../src/app/Calculator';
import { findPreset } from '../../src/scenario/presets';
import { inputsFromPreset } from '../../src/state/inputs-from-preset';
import axe from 'axe-core';
import { Dec } from '../../src/core/decimal';
import { computeSensitivity } from '../../src/core/sensitivity';
import { createAnalysisClient } from '../../src/platform/analysis-client';
import { summarizeSensitivity } from '../../src/ui/analyses/sensitivity-text';
import { formatMoney } from '../../src/ui/format';
import { presetDoc, renderAnalyses, scriptedClient } from './analyses-helpers';

afterEach(cleanup);
vi.setConfig({ testTimeout: 20_000 });

const { doc, model } = presetDoc();
const STRATEGY = 'self-hosted';
const CAPTION =
  'Which inputs move the monthly savings of Self-hosted Llama 3.3 70B most (−20% / +20%)';

function expected(swing = '0.2') {
  const r = computeSensitivity(model, STRATEGY, new Dec(swing));
  if (!r.ok) throw new Error(r.error);
  return r.result;
}

const pageClient = () => createAnalysisClient({ createWorker: () => null });

describe('sensitivity on the default scenario', () => {
  it('draws the tornado of the top 15 inputs, with its summary and table', async () => {
    renderAnalyses(doc, pageClient());
    expect(
      screen.getByRole('heading', { level: 2, name: 'Sensitivity and goal seek' }),
    ).toBeVisible();
    expect(screen.getByText('Self-hosted Llama 3.3 70B', { selector: 'strong' })).toBeVisible();
    const chart = await screen.findByRole('img', { name: CAPTION }, { timeout: 10_000 });
    const result = expected();
    // One bar group per shown input, each titled with its values.
    expect(chart.querySelectorAll('g > title')).toHaveLength(15);
    expect(chart).toHaveTextContent('Input share');
    expect(screen.getByText(summarizeSensitivity(result, 'savings', 'USD', 'en-US'))).toBeVisible();
    expect(summarizeSensitivity(result, 'savings', 'USD', 'en-US')).toMatch(
      /^Input share of Customer-support assistant matters most: at −20% the savings are -\$[\d,]+\.\d\d a month, at \+20% -\$[\d,]+\.\d\d \(today -\$7,825\.18\)\. Next: /,
    );
    const table = screen.getByRole('table', { name: 'The 15 inputs with the most effect, of 28' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(15);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent(
      'Input shareCustomer-support assistant',
    );
    // Today, −20%, +20%, then the savings at each end, to the cent.
    const cells = within(rows[0]!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 3)).toEqual(['80%', '64%', '96%']);
    expect(cells.slice(3, 5)).toEqual([
      formatMoney(result.rows[0]!.low.runRateSavings, 'USD', 'en-US'),
      formatMoney(result.rows[0]!.high.runRateSavings, 'USD', 'en-US'),
    ]);
    expect(screen.getByText(/^Computed on this page in short steps/)).toBeVisible();
    expect(screen.getByText('5 inputs cannot change these results')).toBeVisible();
  });

  it('shows every input on request, and ranks by break-even volume', async () => {
    renderAnalyses(doc, pageClient());
    await screen.findByRole('img', { name: CAPTION }, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Show all 28 inputs' }));
    const table = screen.getByRole('table', { name: 'Every input, by its effect on the savings' });
    expect(within(table).getAllByRole('row')).toHaveLength(29);
    expect(screen.getByRole('button', { name: 'Show the top 15' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    fireEvent.click(screen.getByRole('radio', { name: 'break-even volume' }));
    expect(
      screen.getByRole('img', {
        name: 'Which inputs move the break-even volume most (−20% / +20%)',
      }),
    ).toBeVisible();
    expect(screen.getByText(/^The break-even volume moves most with /)).toBeVisible();
    expect(screen.getByText('Break-even volume, tokens/day (log scale)')).toBeInTheDocument();
  });

  it('reads the swing as a percentage from 1 to 100 and recomputes with it', async () => {
    renderAnalyses(doc, pageClient());
    await screen.findByRole('img', { name: CAPTION }, { timeout: 10_000 });
    const swing = screen.getByRole('textbox', { name: 'Swing, ± percent' });
    expect(swing).toHaveValue('20');
    fireEvent.change(swing, { target: { value: 'abc' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a percentage from 1 to 100.');
    expect(swing).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(swing, { target: { value: '150' } });
    expect(screen.getByRole('alert')).toHaveTextContent('The swing must be from 1% to 100%.');
    fireEvent.change(swing, { target: { value: '10' } });
    expect(screen.queryByRole('alert')).toBeNull();
    await screen.findByRole(
      'img',
      {
        name: 'Which inputs move the monthly savings of Self-hosted Llama 3.3 70B most (−10% / +10%)',
      },
      { timeout: 10_000 },
    );
    expect(
      screen.getByText(summarizeSensitivity(expected('0.1'), 'savings', 'USD', 'en-US')),
    ).toBeVisible();
  });

  it('has no axe violations that jsdom can detect', async () => {
    const { container } = renderAnalyses(doc, pageClient());
    await screen.findByRole('img', { name: CAPTION }, { timeout: 10_000 });
    // Colour contrast needs layout, which jsdom does not do; the browser test covers it.
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
});

describe('in the calculator', () => {
  it('waits below the charts until shown, then analyses the second strategy', async () => {
    const preset = findPreset('default');
    if (!preset) throw new Error('no default preset');
    render(<Calculator initial={inputsFromPreset(preset)} />);
    // jsdom has no IntersectionObserver: the section waits for its button.
    expect(screen.queryByRole('heading', { name: 'Sensitivity and goal seek' })).toBeNull();
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Show the analyses: sensitivity, goal seek, uncertainty',
      }),
    );
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Sensitivity and goal seek' }),
    ).toBeVisible();
    // No worker in jsdom: the shared client runs the jobs on the page.
    expect(
      await screen.findByText(/^Computed on this page in short steps/, {}, { timeout: 10_000 }),
    ).toBeVisible();
  });
});

describe('a run in progress', () => {
  it('shows progress, stops on Cancel and says so, and runs again on request', async () => {
    const { client, calls } = scriptedClient();
    renderAnalyses(doc, client);
    await waitFor(() => expect(calls.filter((c) => c.kind === 'sensitivity')).toHaveLength(1));
    const run = calls[0]!;
    expect(run.params).toEqual({ doc, strategyId: STRATEGY, swing: '0.2' });
    act(() => run.progress({ done: 3, total: 28 }));
    expect(screen.getByText('Computing: 3 of 28 inputs')).toBeVisible();
    expect(
      screen.getByRole('progressbar', { name: 'Progress of the sensitivity' }),
    ).toHaveAttribute('value', '3');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const status = await screen.findByText('The sensitivity was cancelled after 3 of 28 inputs.');
    expect(status).toHaveAttribute('role', 'status');
    expect(run.cancelled).toBe(true);
    expect(screen.queryByRole('progressbar')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Run the sensitivity again' }));
    expect(calls).toHaveLength(2);
    expect(screen.getByText('Computing…')).toBeVisible();
  });

  it('starts a new run when the scenario changes, once the edits settle', async () => {
    vi.useFakeTimers();
    try {
      const { client, calls } = scriptedClient();
      const { store } = renderAnalyses(doc, client);
      await act(async () => vi.advanceTimersByTimeAsync(0));
      expect(calls).toHaveLength(1);
      act(() => store.getState().setField(['workloads', 0, 'tokensPerDay'], '200000000'));
      act(() => store.getState().setField(['workloads', 0, 'tokensPerDay'], '250000000'));
      await act(async () => vi.advanceTimersByTimeAsync(300));
      expect(calls).toHaveLength(1);
      await act(async () => vi.advanceTimersByTimeAsync(200));
      expect(calls).toHaveLength(2);
      const params = calls[1]!.params as { doc: typeof doc };
      expect(params.doc.workloads[0]!.tokensPerDay).toBe('250000000');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows an error as a message', async () => {
    const { client, calls } = scriptedClient();
    renderAnalyses(doc, client);
    await waitFor(() => expect(calls).toHaveLength(1));
    act(() => calls[0]!.settle({ status: 'error', message: 'The scenario is not valid: x' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The sensitivity could not be computed: The scenario is not valid: x',
    );
  });

  it('analyses the strategy chosen when there are several', async () => {
    const { client, calls } = scriptedClient();
    const three = {
      ...doc,
      strategies: [
        ...doc.strategies,
        { ...doc.strategies[1]!, id: 'second-self', name: 'Another self-hosted plan' },
      ],
    };
    renderAnalyses(three, client);
    const picker = screen.getByRole('combobox', {
      name: 'Strategy to analyse against the baseline, GPT-5 API',
    });
    expect(picker).toHaveValue('self-hosted');
    await waitFor(() => expect(calls).toHaveLength(1));
    fireEvent.change(picker, { target: { value: 'second-self' } });
    await waitFor(() => expect(calls).toHaveLength(2), { timeout: 2000 });
    expect(calls[1]!.params).toMatchObject({ strategyId: 'second-self' });
  });
});
