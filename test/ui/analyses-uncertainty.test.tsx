/**
 * The uncertainty panel (issue 6 item 3) and the analysis settings in the scenario, on visible
 * text and roles: a range added is written to the scenario (one undo step) and prefilled at
 * -20% / today / +20%; the store's validation messages name the field; the seed and samples are
 * part of the scenario; a scripted client's result is shown with the probability, the tie rule
 * and the percentiles in words; results go out of date when the scenario changes; progress and
 * cancel; the strategy and swing of the other panels are read from and written to `analysis`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { runMonteCarloJob } from '../../src/platform/analysis-jobs';
import type { MonteCarloJobResult, MonteCarloParams } from '../../src/platform/analysis-jobs';
import type { JobOutcome } from '../../src/platform/analysis-protocol';
import { createAnalysisClient } from '../../src/platform/analysis-client';
import type { ScenarioDoc } from '../../src/scenario/document';
import { formatMoney } from '../../src/ui/format';
import { formatBreakEven } from '../../src/ui/analyses/analysis-format';
import { DOC_FIELD_WRITE_MS } from '../../src/ui/analyses/DocTextField';
import { presetDoc, renderAnalyses, scriptedClient } from './analyses-helpers';

afterEach(cleanup);
vi.setConfig({ testTimeout: 20_000 });

const { doc } = presetDoc();
const OUTPUT = 'option/gpt-5/outputPerM';
const GPU = 'option/llama-70b-h100/gpu.hourlyPerGpu';
const OUTPUT_NAME = 'Output price per 1M tokens of GPT-5 (OpenAI API)';

/** The default scenario with uncertainty ranges (as a shared link would carry them). */
function withRanges(
  ranges: { input: string; low: string; likely: string; high: string }[],
  seed = '42',
  samples = '1000',
): ScenarioDoc {
  return { ...doc, analysis: { swing: '0.2', uncertainty: { seed, samples, ranges } } };
}

const RANGES = [
  { input: GPU, low: '2', likely: '3.2', high: '5' },
  { input: OUTPUT, low: '6', likely: '10', high: '12' },
];

/** The job's own result for these parameters (the job equals the core: see test/core). */
function jobResult(params: MonteCarloParams): MonteCarloJobResult {
  const steps = runMonteCarloJob(params);
  let next = steps.next();
  while (!next.done) next = steps.next();
  const outcome: JobOutcome<MonteCarloJobResult> = next.value;
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value;
}

const monteCarloCalls = (calls: ReturnType<typeof scriptedClient>['calls']) =>
  calls.filter((c) => c.kind === 'monteCarlo');

const panel = () => within(screen.getByRole('region', { name: 'Uncertainty' }));

/** Past the pause after which typing in a field is written to the scenario. */
const pause = () => act(() => new Promise((r) => setTimeout(r, DOC_FIELD_WRITE_MS + 50)));

describe('ranges in the scenario', () => {
  it('adds a range prefilled at -20% / today / +20%, written to the scenario as one undo step', () => {
    const { client } = scriptedClient();
    const { store } = renderAnalyses(doc, client);
    const p = panel();
    expect(p.getByText(/^No ranges yet\./)).toBeVisible();
    expect(p.getByRole('button', { name: 'Run 10,000 samples' })).toBeDisabled();
    expect(p.getByText('Add a range to at least one input to run.')).toBeVisible();
    const picker = p.getByRole('combobox', { name: 'Input to give a range' });
    // Grouped as the inputs are: settings, the workload, each option.
    expect(
      within(picker)
        .getAllByRole('group')
        .map((g) => g.getAttribute('label')),
    ).toEqual([
      'Settings',
      'Workload: Customer-support assistant',
      'API: GPT-5 (OpenAI API)',
      'Self-hosted: Llama 3.3 70B on rented H100 pairs',
    ]);
    fireEvent.change(picker, { target: { value: OUTPUT } });
    fireEvent.click(p.getByRole('button', { name: 'Add range' }));

    const u = store.getState().doc.analysis?.uncertainty;
    expect(u?.ranges).toEqual([{ input: OUTPUT, low: '8', likely: '10', high: '12' }]);
    expect(u?.samples).toBe('10000');
    expect(u?.seed).toMatch(/^\d+$/);
    expect(Number(u?.seed)).toBeLessThanOrEqual(4_294_967_295);
    expect(store.getState().validDoc).toBe(store.getState().doc);
    expect(p.getByRole('textbox', { name: `Low: ${OUTPUT_NAME}` })).toHaveValue('8');
    expect(p.getByRole('textbox', { name: `Likely: ${OUTPUT_NAME}` })).toHaveValue('10');
    expect(p.getByRole('textbox', { name: `High: ${OUTPUT_NAME}` })).toHaveValue('12');
    expect(p.getByText('Today $10.00 · values in USD')).toBeVisible();
    expect(p.getByRole('textbox', { name: 'Seed' })).toHaveValue(u?.seed);
    expect(p.getByRole('textbox', { name: 'Samples' })).toHaveValue('10,000');
    // The input has its range: it leaves the picker.
    expect(within(picker).queryByRole('option', { name: 'Output price per 1M tokens' })).toBeNull();
    expect(p.getByRole('button', { name: 'Run 10,000 samples' })).toBeEnabled();

    act(() => store.temporal.getState().undo());
    expect(store.getState().doc.analysis).toBeUndefined();
    expect(p.getByText(/^No ranges yet\./)).toBeVisible();
  });

  it('keeps prefilled ends within the bounds of the input, whole where they must be', () => {
    const { client } = scriptedClient();
    const { store } = renderAnalyses(doc, client);
    const picker = panel().getByRole('combobox', { name: 'Input to give a range' });
    for (const input of [
      'workload/support/inputShare', // 0.8: +20% would be 0.96
      'option/llama-70b-h100/gpusPerReplica', // 2: a whole number
      'workload/support/peakToAverage', // at least 1
    ]) {
      fireEvent.change(picker, { target: { value: input } });
      fireEvent.click(panel().getByRole('button', { name: 'Add range' }));
    }
    const ranges = store.getState().doc.analysis?.uncertainty?.ranges;
    expect(ranges?.map((r) => [r.low, r.likely, r.high])).toEqual([
      ['0.64', '0.8', '0.96'],
      ['2', '2', '2'],
      [expect.stringMatching(/^\d/), expect.stringMatching(/^\d/), expect.stringMatching(/^\d/)],
    ]);
    const peak = ranges?.[2];
    expect(Number(peak?.low)).toBeGreaterThanOrEqual(1);
    expect(store.getState().validDoc).toBe(store.getState().doc);
  });

  it('shows the store’s message naming the field when low is above likely, and blocks the run', async () => {
    const { client, calls } = scriptedClient();
    const { store } = renderAnalyses(withRanges(RANGES), client);
    const p = panel();
    const low = p.getByRole('textbox', { name: `Low: ${OUTPUT_NAME}` });
    fireEvent.focus(low);
    fireEvent.change(low, { target: { value: '11' } });
    // Written once typing pauses, not on every key.
    expect(store.getState().doc.analysis?.uncertainty?.ranges[1]?.low).toBe('6');
    await pause();
    expect(store.getState().doc.analysis?.uncertainty?.ranges[1]?.low).toBe('11');
    const alert = p.getByRole('alert');
    expect(alert).toHaveTextContent(
      `${OUTPUT_NAME}: low 11, likely 10 and high 12 must be in order: low <= likely <= high`,
    );
    expect(low).toHaveAttribute('aria-invalid', 'true');
    expect(low).toHaveAccessibleDescription(alert.textContent ?? '');
    expect(p.getByRole('button', { name: 'Run 1,000 samples' })).toBeDisabled();
    expect(
      p.getByText(
        'Some values are not valid (see the messages): the run waits until they are fixed.',
      ),
    ).toBeVisible();

    // A value out of the input's bounds names the end and the input.
    fireEvent.change(low, { target: { value: '-1' } });
    await pause();
    expect(p.getByRole('alert')).toHaveTextContent(
      new RegExp(
        `^Low of ${escape(OUTPUT_NAME)}: must be at least 0 \\(the bounds of the output price per 1M tokens\\)$`,
      ),
    );
    // Leaving the field writes at once.
    fireEvent.change(low, { target: { value: '7.5' } });
    fireEvent.blur(low);
    expect(p.queryByRole('alert')).toBeNull();
    expect(store.getState().doc.analysis?.uncertainty?.ranges[1]?.low).toBe('7.5');
    // One focused edit, one undo step.
    act(() => store.temporal.getState().undo());
    expect(store.getState().doc.analysis?.uncertainty?.ranges[1]?.low).toBe('6');
    expect(monteCarloCalls(calls)).toHaveLength(0);
  });

  it('reads grouped numbers, validates the seed and samples, and draws a new seed on request', async () => {
    const { client } = scriptedClient();
    const { store } = renderAnalyses(
      withRanges([
        {
          input: 'workload/support/tokensPerDay',
          low: '80000000',
          likely: '150000000',
          high: '300000000',
        },
      ]),
      client,
    );
    const p = panel();
    const high = p.getByRole('textbox', { name: 'High: Volume of Customer-support assistant' });
    expect(high).toHaveValue('300,000,000');
    fireEvent.focus(high);
    fireEvent.change(high, { target: { value: '400,000,000' } });
    fireEvent.blur(high);
    expect(store.getState().doc.analysis?.uncertainty?.ranges[0]?.high).toBe('400000000');

    const samples = p.getByRole('textbox', { name: 'Samples' });
    fireEvent.change(samples, { target: { value: '50' } });
    await pause();
    expect(p.getByRole('alert')).toHaveTextContent(/^Samples must be at least 100/);
    fireEvent.change(samples, { target: { value: '20,000' } });
    fireEvent.keyDown(samples, { key: 'Enter' });
    expect(store.getState().doc.analysis?.uncertainty?.samples).toBe('20000');
    expect(p.getByRole('button', { name: 'Run 20,000 samples' })).toBeEnabled();

    const seed = p.getByRole('textbox', { name: 'Seed' });
    fireEvent.change(seed, { target: { value: '4294967296' } });
    await pause();
    expect(p.getByRole('alert')).toHaveTextContent(
      /^Seed must be at least 0 and at most 4294967295, got 4294967296$/,
    );
    fireEvent.change(seed, { target: { value: '7' } });
    fireEvent.blur(seed);
    expect(p.queryByRole('alert')).toBeNull();
    const before = store.temporal.getState().pastStates.length;
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    fireEvent.click(p.getByRole('button', { name: 'New seed' }));
    random.mockRestore();
    expect(store.getState().doc.analysis?.uncertainty?.seed).toBe('2147483648');
    expect(seed).toHaveValue('2147483648');
    expect(store.temporal.getState().pastStates.length).toBe(before + 1);
  });

  it('removes a range as one undo step', () => {
    const { client } = scriptedClient();
    const { store } = renderAnalyses(withRanges(RANGES), client);
    fireEvent.click(panel().getByRole('button', { name: `Remove the range on ${OUTPUT_NAME}` }));
    expect(store.getState().doc.analysis?.uncertainty?.ranges).toEqual([RANGES[0]]);
    expect(panel().queryByRole('textbox', { name: `Low: ${OUTPUT_NAME}` })).toBeNull();
    act(() => store.temporal.getState().undo());
    expect(store.getState().doc.analysis?.uncertainty?.ranges).toEqual(RANGES);
  });
});

describe('a run', () => {
  it('sends the scenario, strategy, ranges, seed and samples, and shows the result in words', async () => {
    const { client, calls } = scriptedClient();
    const linked = withRanges(
      [
        ...RANGES,
        { input: 'option/llama-70b-h100/fineTuningPerMonth', low: '0', likely: '0', high: '0' },
      ],
      '42',
      '1000',
    );
    renderAnalyses(
      {
        ...linked,
        // A range on an option neither strategy uses, and one on a timeline-only input.
        options: [...linked.options, { ...linked.options[0]!, id: 'spare-api', name: 'Spare API' }],
        analysis: {
          ...linked.analysis!,
          uncertainty: {
            ...linked.analysis!.uncertainty!,
            ranges: [
              ...RANGES,
              { input: 'option/spare-api/outputPerM', low: '1', likely: '2', high: '3' },
              { input: 'workload/support/growthPerMonth', low: '0', likely: '0.03', high: '0.05' },
            ],
          },
        },
      },
      client,
    );
    const p = panel();
    fireEvent.click(p.getByRole('button', { name: 'Run 1,000 samples' }));
    const [call] = monteCarloCalls(calls);
    if (!call) throw new Error('no run');
    const params = call.params as MonteCarloParams;
    expect(params.strategyId).toBe('self-hosted');
    expect(params.seed).toBe(42);
    expect(params.samples).toBe(1000);
    expect(params.ranges).toHaveLength(4);
    expect(params.doc).not.toHaveProperty('analysis');
    expect(p.getByRole('button', { name: 'Run 1,000 samples' })).toBeDisabled();

    const result = jobResult(params);
    act(() => call.settle({ status: 'done', value: result, runner: 'worker' }));
    const { summary } = result;
    const pct = `${((summary.cheaper.count / summary.samples) * 100).toFixed(1).replace(/\.0$/, '')}%`;
    expect(
      await p.findByText(
        `Self-hosted Llama 3.3 70B is cheaper than the baseline, GPT-5 API, in ${pct} of the 1,000 samples (${summary.cheaper.count}).`,
      ),
    ).toBeVisible();
    expect(
      p.getByText(
        'Cheaper means a strictly lower monthly cost: a tie (savings of exactly zero) counts as not cheaper (no sample tied).',
      ),
    ).toBeVisible();
    const table = p.getByRole('table', { name: 'Percentiles of 1,000 samples (seed 42)' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    const money = (v: string) => formatMoney(v, 'USD', 'en-US');
    expect(rows).toEqual([
      ['P10', money(summary.savings!.p10), formatBreakEven(summary.breakEven.p10!, 'en-US')],
      [
        'P50 (median)',
        money(summary.savings!.p50),
        formatBreakEven(summary.breakEven.p50!, 'en-US'),
      ],
      ['P90', money(summary.savings!.p90), formatBreakEven(summary.breakEven.p90!, 'en-US')],
      [
        "At the scenario's values",
        money(result.base.runRateSavings),
        formatBreakEven(result.base.breakEven, 'en-US'),
      ],
    ]);
    expect(
      p.getByText(
        /^P10, P50 \(the median\) and P90: 10%, 50% and 90% of the samples are at or below the value/,
      ),
    ).toBeVisible();
    const { always, never, at } = summary.breakEven;
    const count = (n: number) => n.toLocaleString('en-US');
    expect(
      p.getByText(
        new RegExp(
          `"always cheaper" .* ranks below every volume and "never" .* above every volume, so a percentile can itself be either\\. In this run: ${count(at)} at a volume, ${count(always)} always cheaper, ${count(never)} never\\.$`,
        ),
      ),
    ).toBeVisible();
    // The histogram: a drawing with its caption, a summary in words, and its bins as a table.
    expect(
      p.getByRole('img', {
        name: 'Monthly savings of Self-hosted Llama 3.3 70B over 1,000 samples',
      }),
    ).toBeVisible();
    expect(
      p.getByText(/^Savings a month ranged from -?\$[\d,.]+ to -?\$[\d,.]+, with a mean of/),
    ).toBeVisible();
    const bins = p.getByRole('table', { name: 'Samples by monthly savings' });
    const counts = within(bins)
      .getAllByRole('row')
      .slice(1)
      .map((r) => Number(r.querySelectorAll('td')[0]?.textContent?.replace(/,/g, '')));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(counts).toEqual(summary.histogram.bins.map((b) => b.count));
    // Ranges that changed nothing, and why.
    expect(p.getByRole('heading', { name: '2 ranges had no effect' })).toBeVisible();
    expect(
      p.getByText(
        'Output price per 1M tokens of Spare API: neither strategy uses this option, so its range changes neither cost.',
      ),
    ).toBeVisible();
    expect(
      p.getByText(/^Growth per month of Customer-support assistant: it changes only the timeline/),
    ).toBeVisible();
    expect(p.getByText(/^Computed in a background thread/)).toBeVisible();
    expect(p.queryByText('Out of date')).toBeNull();
    expect(p.getByRole('button', { name: 'Run again' })).toBeEnabled();
  });

  it('marks the result out of date when the scenario, a range or the seed changes', async () => {
    const { client, calls } = scriptedClient();
    const { store } = renderAnalyses(withRanges(RANGES, '42', '1000'), client);
    const p = panel();
    fireEvent.click(p.getByRole('button', { name: 'Run 1,000 samples' }));
    const call = monteCarloCalls(calls)[0]!;
    act(() =>
      call.settle({
        status: 'done',
        value: jobResult(call.params as MonteCarloParams),
        runner: 'worker',
      }),
    );
    await p.findByRole('table', { name: 'Percentiles of 1,000 samples (seed 42)' });
    expect(p.queryByText('Out of date')).toBeNull();

    // The swing is not part of this run: changing it leaves the result current.
    act(() => store.getState().setField(['analysis', 'swing'], '0.3'));
    expect(p.queryByText('Out of date')).toBeNull();

    act(() => store.getState().setField(['workloads', 0, 'tokensPerDay'], '200000000'));
    expect(p.getByText('Out of date')).toBeVisible();
    expect(
      p.getByText(/changed since this run\. Run it again to update these results\.$/),
    ).toBeVisible();
    expect(p.getByRole('button', { name: 'Run 1,000 samples' })).toBeEnabled();
    // Back to the same scenario (undo): current again.
    act(() => store.temporal.getState().undo());
    expect(p.queryByText('Out of date')).toBeNull();

    act(() => store.getState().setField(['analysis', 'uncertainty', 'seed'], '43'));
    expect(p.getByText('Out of date')).toBeVisible();
    act(() => store.getState().setField(['analysis', 'uncertainty', 'seed'], '42'));
    expect(p.queryByText('Out of date')).toBeNull();
    // An invalid value on screen: the result no longer answers what is shown.
    act(() => store.getState().setField(['analysis', 'uncertainty', 'ranges', 1, 'low'], '11'));
    expect(store.getState().validDoc).not.toBe(store.getState().doc);
    expect(p.getByText('Out of date')).toBeVisible();
    act(() => store.getState().setField(['analysis', 'uncertainty', 'ranges', 1, 'low'], '6'));
    expect(p.queryByText('Out of date')).toBeNull();
    act(() => store.getState().setField(['analysis', 'uncertainty', 'ranges', 0, 'high'], '5.5'));
    expect(p.getByText('Out of date')).toBeVisible();
  });

  it('shows progress in samples, stops on Cancel and says so', async () => {
    const { client, calls } = scriptedClient();
    renderAnalyses(withRanges(RANGES, '42', '10000'), client);
    const p = panel();
    fireEvent.click(p.getByRole('button', { name: 'Run 10,000 samples' }));
    const call = monteCarloCalls(calls)[0]!;
    act(() => call.progress({ done: 2340, total: 10000 }));
    expect(p.getByText('Computing: 2,340 of 10,000 samples')).toBeVisible();
    expect(p.getByRole('progressbar', { name: 'Progress of the uncertainty run' })).toHaveAttribute(
      'value',
      '2340',
    );
    fireEvent.click(p.getByRole('button', { name: 'Cancel' }));
    expect(
      await p.findByText('The uncertainty run was cancelled after 2,340 of 10,000 samples.'),
    ).toHaveAttribute('role', 'status');
    expect(call.cancelled).toBe(true);
    expect(p.queryByRole('progressbar')).toBeNull();
    fireEvent.click(p.getByRole('button', { name: 'Run the uncertainty run again' }));
    expect(monteCarloCalls(calls)).toHaveLength(2);
  });

  it('runs the real job on the page when no worker starts', async () => {
    const client = createAnalysisClient({ createWorker: () => null });
    renderAnalyses(withRanges(RANGES, '7', '200'), client);
    fireEvent.click(panel().getByRole('button', { name: 'Run 200 samples' }));
    expect(
      await panel().findByText(/^Computed on this page in short steps/, {}, { timeout: 15_000 }),
    ).toBeVisible();
    expect(panel().getByText(/^Self-hosted .* in [\d.]+% of the 200 samples/)).toBeVisible();
    // Said once to screen readers when the run ends.
    expect(panel().getByText(/^The uncertainty run is done\. Self-hosted/)).toHaveAttribute(
      'role',
      'status',
    );
  });

  it('has no axe violations that jsdom can detect, with results', async () => {
    const { client, calls } = scriptedClient();
    const { container } = renderAnalyses(withRanges(RANGES, '42', '1000'), client);
    fireEvent.click(panel().getByRole('button', { name: 'Run 1,000 samples' }));
    const call = monteCarloCalls(calls)[0]!;
    act(() =>
      call.settle({
        status: 'done',
        value: jobResult(call.params as MonteCarloParams),
        runner: 'worker',
      }),
    );
    await panel().findByRole('table', { name: 'Percentiles of 1,000 samples (seed 42)' });
    const section = container.querySelector('.analyses-uncertainty');
    if (!section) throw new Error('no section');
    const result = await axe.run(section, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
});

describe('the analysis settings in the scenario', () => {
  it('the strategy analysed is analysis.strategyId, chosen as one undo step', async () => {
    const { doc: portfolio } = presetDoc('portfolio-2026');
    const { client, calls } = scriptedClient();
    const { store } = renderAnalyses(
      { ...portfolio, analysis: { swing: '0.2', strategyId: 'hybrid' } },
      client,
    );
    const picker = screen.getByRole('combobox', {
      name: /^Strategy to analyse against the baseline/,
    });
    expect(picker).toHaveValue('hybrid');
    await waitFor(() => expect(calls.filter((c) => c.kind === 'sensitivity')).toHaveLength(1));
    expect(calls[0]!.params).toMatchObject({ strategyId: 'hybrid' });
    fireEvent.change(picker, { target: { value: 'one-pooled-model' } });
    expect(store.getState().doc.analysis?.strategyId).toBe('one-pooled-model');
    await waitFor(() => expect(picker).toHaveValue('one-pooled-model'));
    act(() => store.temporal.getState().undo());
    expect(store.getState().doc.analysis?.strategyId).toBe('hybrid');
    await waitFor(() => expect(picker).toHaveValue('hybrid'));
  });

  it('the swing is analysis.swing: written when typing pauses, one undo step per focused edit', async () => {
    const { client, calls } = scriptedClient();
    const { store } = renderAnalyses({ ...doc, analysis: { swing: '0.3' } }, client);
    const swing = screen.getByRole('textbox', { name: 'Swing, ± percent' });
    expect(swing).toHaveValue('30');
    await waitFor(() => expect(calls.filter((c) => c.kind === 'sensitivity')).toHaveLength(1));
    expect(calls[0]!.params).toMatchObject({ swing: '0.3' });
    const before = store.temporal.getState().pastStates.length;
    fireEvent.focus(swing);
    fireEvent.change(swing, { target: { value: '2' } });
    fireEvent.change(swing, { target: { value: '25' } });
    // Not on every keystroke: once typing pauses.
    expect(store.getState().doc.analysis?.swing).toBe('0.3');
    await waitFor(() => expect(store.getState().doc.analysis?.swing).toBe('0.25'));
    // The run follows the typed value.
    await waitFor(() =>
      expect(calls.filter((c) => c.kind === 'sensitivity').at(-1)!.params).toMatchObject({
        swing: '0.25',
      }),
    );
    fireEvent.change(swing, { target: { value: '25x' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a percentage from 1 to 100.');
    fireEvent.change(swing, { target: { value: '22.5' } });
    // Leaving the field writes at once.
    fireEvent.blur(swing);
    expect(store.getState().doc.analysis?.swing).toBe('0.225');
    expect(store.temporal.getState().pastStates.length).toBe(before + 1);
    act(() => store.temporal.getState().undo());
    expect(store.getState().doc.analysis?.swing).toBe('0.3');
    expect(swing).toHaveValue('30');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
