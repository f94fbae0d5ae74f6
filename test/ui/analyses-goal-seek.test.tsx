/**
 * The goal seek panel (issue 6 item 2) on visible text and roles, with the real jobs run on the
 * page (as without a worker): the grouped list of inputs, exact / step / no-value answers with
 * their words, and "Use this value" as one undoable edit that makes the two costs equal.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { Dec } from '../../src/core/decimal';
import { evaluateModel } from '../../src/core/evaluate';
import { goalSeek } from '../../src/core/goal-seek';
import { createAnalysisClient } from '../../src/platform/analysis-client';
import { validateDocument } from '../../src/scenario/validate-scenario';
import type { ScenarioDoc } from '../../src/scenario/document';
import { presetDoc, renderAnalyses } from './analyses-helpers';

afterEach(cleanup);
vi.setConfig({ testTimeout: 20_000 });

const { doc, model } = presetDoc();
const pageClient = () => createAnalysisClient({ createWorker: () => null });

function choose(target: string, measure?: 'runRate' | 'npv') {
  fireEvent.change(screen.getByRole('combobox', { name: 'Input to change' }), {
    target: { value: target },
  });
  if (measure) {
    fireEvent.change(screen.getByRole('combobox', { name: 'Costs compared' }), {
      target: { value: measure },
    });
  }
  fireEvent.click(screen.getByRole('button', { name: 'Find the value' }));
}

const result = () => screen.findByRole('region', { name: /^Result:/ }, { timeout: 10_000 });

/** Monthly savings of the strategy against the baseline in a document. */
function savings(d: ScenarioDoc): Dec {
  const v = validateDocument(d);
  if (!v.ok) throw new Error('invalid');
  return new Dec(evaluateModel(v.scenario).strategies[1]!.vsBaseline!.runRateSavings);
}

describe('goal seek on the default scenario', () => {
  it('lists the inputs by group, starting on the GPU price of the deployment', () => {
    renderAnalyses(doc, pageClient());
    const select = screen.getByRole('combobox', { name: 'Input to change' });
    const groups = [...select.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).toEqual([
      'Scaled together',
      'Settings',
      'Workload: Customer-support assistant',
      'API: GPT-5 (OpenAI API)',
      'Self-hosted: Llama 3.3 70B on rented H100 pairs',
    ]);
    expect(within(select).getByRole('option', { selected: true })).toHaveTextContent(
      'GPU price of Llama 3.3 70B on rented H100 pairs',
    );
    expect(
      within(select).getByRole('option', { name: 'All prices of GPT-5 (OpenAI API)' }),
    ).toBeInTheDocument();
    expect(
      within(select).getByRole('option', { name: 'Total volume (every workload scaled together)' }),
    ).toBeInTheDocument();
  });

  it('finds an exact price and applies it as one undoable edit', async () => {
    const { store } = renderAnalyses(doc, pageClient());
    choose('input/option/gpt-5/outputPerM');
    const answer = await result();
    const expected = goalSeek(
      model,
      'self-hosted',
      { kind: 'input', ref: { scope: 'option', id: 'gpt-5', field: 'outputPerM' } },
      { measure: 'runRate' },
    );
    if (!expected.ok || expected.result.kind !== 'exact') throw new Error('expected exact');
    expect(within(answer).getByRole('heading', { level: 4 })).toHaveTextContent('Result: Exact');
    expect(answer).toHaveTextContent(
      'The output price per 1M tokens of "GPT-5 (OpenAI API)": $18.5755 (today $10.00)',
    );
    expect(within(answer).getByText(expected.result.explanation)).toBeVisible();
    expect(answer).toHaveTextContent(`Exact value: ${expected.result.value}`);

    fireEvent.click(within(answer).getByRole('button', { name: 'Use this value' }));
    const option = store.getState().doc.options[0]!;
    expect(option.kind === 'api' && option.outputPerM).toBe('18.5755342465753424657534246575');
    // The two costs are now equal to the cent.
    expect(savings(store.getState().validDoc).abs().lessThanOrEqualTo('0.005')).toBe(true);
    expect(
      await screen.findByText(
        'The output price per 1M tokens of "GPT-5 (OpenAI API)" set to $18.5755. Undo takes it back.',
      ),
    ).toBeVisible();
    // One step back restores today's price.
    act(() => store.temporal.getState().undo());
    const back = store.getState().doc.options[0]!;
    expect(back.kind === 'api' && back.outputPerM).toBe('10');
  });

  it('lists every value a scale sets', async () => {
    renderAnalyses(doc, pageClient());
    choose('api-prices/gpt-5');
    const answer = await result();
    expect(answer).toHaveTextContent('Result: Exact');
    const items = within(answer)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Input price per 1M tokens of GPT-5 (OpenAI API): $2.03531',
      'Output price per 1M tokens of GPT-5 (OpenAI API): $16.2824',
      'Cached input price per 1M tokens of GPT-5 (OpenAI API): $0.203531',
    ]);
  });

  it('offers the side of a step where the strategy is no dearer', async () => {
    const { store } = renderAnalyses(doc, pageClient());
    choose('input/option/llama-70b-h100/minReplicas', 'npv');
    const answer = await result();
    expect(within(answer).getByRole('heading', { level: 4 })).toHaveTextContent(
      'Result: At a step: the costs jump past each other',
    );
    expect(answer).toHaveTextContent(
      /No whole number for the minimum replicas .* makes them cost the same\. With 2, /,
    );
    const use = within(answer).getByRole('button', {
      name: 'Use 2, the side of the step where Self-hosted Llama 3.3 70B is no dearer',
    });
    // Today's value already: nothing to change, and no undo step.
    fireEvent.click(use);
    expect(
      await screen.findByText('The scenario already has this value: nothing changed.'),
    ).toBeVisible();
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('explains when no value in range makes the costs equal', async () => {
    renderAnalyses(doc, pageClient());
    choose('input/option/llama-70b-h100/prefillTokensPerSec');
    const answer = await result();
    expect(answer).toHaveTextContent('Result: No value in range');
    const expected = goalSeek(
      model,
      'self-hosted',
      {
        kind: 'input',
        ref: { scope: 'option', id: 'llama-70b-h100', field: 'prefillTokensPerSec' },
      },
      { measure: 'runRate' },
    );
    if (!expected.ok) throw new Error(expected.error);
    expect(within(answer).getByText(expected.result.explanation)).toBeVisible();
    expect(within(answer).queryByRole('button')).toBeNull();
  });

  it('does not offer a value found for a scenario that has changed since', async () => {
    const { store } = renderAnalyses(doc, pageClient());
    choose('input/option/gpt-5/outputPerM');
    const answer = await result();
    act(() => store.getState().setField(['workloads', 0, 'tokensPerDay'], '100000000'));
    expect(
      within(answer).getByText(
        'The scenario has changed since this was found: find the value again before using it.',
      ),
    ).toBeVisible();
    expect(within(answer).queryByRole('button', { name: 'Use this value' })).toBeNull();
  });
});
