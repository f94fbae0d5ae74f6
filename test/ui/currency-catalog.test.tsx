import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { convertCurrency } from '../../src/scenario/currency-convert';
import { inputsFromPreset } from '../../src/state/inputs-from-preset';
import { DEFAULT_PRESET } from '../../src/scenario/presets';
import type { CalculatorInputs } from '../../src/state/calculator-store';
import { group, renderInputs } from './currency-helpers';

afterEach(cleanup);
vi.setConfig({ testTimeout: 15_000 });

const STATED = { asOf: '2026-07-31', source: 'ECB euro reference rate' };

/** The default scenario already in EUR: converted at `rate` (stated), or relabelled (no rate). */
function euroInputs(rate: string | null): CalculatorInputs {
  const usd = inputsFromPreset(DEFAULT_PRESET);
  if (rate === null) {
    const doc = { ...usd.doc, currency: 'EUR' };
    return { ...usd, doc, validDoc: doc };
  }
  const r = convertCurrency(usd.doc, 'EUR', rate, STATED);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { ...usd, doc: r.doc, validDoc: r.doc, origin: { ...usd.origin, loaded: r.doc } };
}

async function enabledPicker(container: HTMLElement, name: string): Promise<HTMLSelectElement> {
  return waitFor(
    () => {
      const picker = within(container).getByRole('combobox', { name }) as HTMLSelectElement;
      expect(picker).toBeEnabled();
      return picker;
    },
    { timeout: 5_000 },
  );
}

const box = (groupName: string, name: string) =>
  within(group(groupName)).getByRole('textbox', { name }) as HTMLInputElement;

describe('catalog prices in a scenario not in USD', () => {
  it('an API model picked in EUR is priced at the USD list price times the stated rate, and says so', async () => {
    renderInputs(euroInputs('0.92'));
    const api = group('API pricing');
    const picker = await enabledPicker(api, 'API model');
    // The preset's catalog price, brought over at the stated rate: not "changed".
    expect(box('API pricing', 'Input price')).toHaveValue('1.15');
    await waitFor(() =>
      expect(box('API pricing', 'Input price')).toHaveAccessibleDescription(
        expect.stringMatching(
          /^catalog, as of 2026-07-24: USD 1\.25 × 0\.92 EUR\/USD \(your rate, as of 2026-07-31\)/,
        ),
      ),
    );
    expect(within(api).queryByText('changed')).toBeNull();
    // The list shows the catalog's own currency, not a bare "$".
    expect(
      within(picker).getByRole('option', { name: 'Claude Sonnet 4.5 (Anthropic): USD 3 / USD 15' }),
    ).toBeInTheDocument();

    fireEvent.change(picker, { target: { value: 'claude-sonnet-4.5' } });
    expect(box('API pricing', 'Input price')).toHaveValue('2.76');
    expect(box('API pricing', 'Output price')).toHaveValue('13.8');
    expect(box('API pricing', 'Cached input price')).toHaveValue('0.276');
    expect(box('API pricing', 'Output price')).toHaveAccessibleDescription(
      expect.stringMatching(
        /^catalog, as of 2026-07-24: USD 15\.00 × 0\.92 EUR\/USD \(your rate, as of 2026-07-31\)/,
      ),
    );
    expect(
      within(api).getByText(
        /list price, as of 2026-07-24, in USD × 0\.92 EUR\/USD \(your rate, as of 2026-07-31\)\. Source:/,
      ),
    ).toBeVisible();
    expect(within(api).queryByText('changed')).toBeNull();
  });

  it('a GPU picked in EUR: its hourly quote times the rate, and a new rate moves the reset value', async () => {
    const { store } = renderInputs(euroInputs('0.92'));
    const self = group('Self-hosting');
    const picker = await enabledPicker(self, 'GPU');
    fireEvent.change(picker, { target: { value: 'h200' } });
    const price = box('Self-hosting', 'GPU price');
    expect(price).toHaveValue('4.14'); // 4.50 x 0.92
    expect(price).toHaveAccessibleDescription(
      expect.stringMatching(/^catalog, as of 2026-09-25: USD 4\.50 × 0\.92 EUR\/USD/),
    );
    fireEvent.change(within(self).getByRole('combobox', { name: 'Price basis' }), {
      target: { value: 'committedHourly' },
    });
    expect(price).toHaveValue('2.32024'); // 2.522 x 0.92, exactly
    // A different stated rate: the field keeps its figure and offers the new catalog value.
    act(() => store.getState().setField(['fx', 'rateFromUsd'], '0.9'));
    const reset = within(self).getByRole('button', { name: 'Reset to 2.2698 (GPU price)' });
    fireEvent.click(reset);
    expect(price).toHaveValue('2.2698');
    // A switch of pricing mode fills the monthly price from the same quote, at the same rate.
    fireEvent.change(within(self).getByRole('combobox', { name: 'GPU pricing' }), {
      target: { value: 'monthly' },
    });
    expect(box('Self-hosting', 'GPU price')).toHaveValue('1,656.954'); // 2.522 x 0.9 x 730
  });

  it('without a stated rate, a pick says a rate is needed first and changes nothing', async () => {
    const { store } = renderInputs(euroInputs(null));
    const api = group('API pricing');
    const picker = await enabledPicker(api, 'API model');
    expect(box('API pricing', 'Input price')).toHaveValue('1.25');
    await waitFor(() =>
      expect(box('API pricing', 'Input price')).toHaveAccessibleDescription(
        expect.stringMatching(
          /^catalog, as of 2026-07-24: USD 1\.25: state a rate from USD to EUR to use it/,
        ),
      ),
    );
    // Not marked changed: there is no catalog value in EUR to compare with.
    expect(within(api).queryByText('changed')).toBeNull();
    const before = store.getState().doc;
    fireEvent.change(picker, { target: { value: 'claude-sonnet-4.5' } });
    expect(within(api).getByRole('alert')).toHaveTextContent(
      'Catalog prices are in USD: state your rate from USD to EUR (Finance, Currency) to use them.',
    );
    expect(store.getState().doc).toBe(before);
    expect(picker).toHaveValue('gpt-5');

    const self = group('Self-hosting');
    const gpu = await enabledPicker(self, 'GPU');
    fireEvent.change(gpu, { target: { value: 'h200' } });
    expect(within(self).getByRole('alert')).toHaveTextContent(/state your rate from USD to EUR/);
    expect(store.getState().doc).toBe(before);

    // A profile still fills its throughput (not money); the GPU price waits for a rate.
    const profile = await enabledPicker(self, 'Model and GPU');
    fireEvent.change(profile, { target: { value: 'llama-3.3-70b-fp8-h200x2' } });
    expect(within(self).getAllByRole('alert')[0]).toHaveTextContent(
      'Throughput filled; GPU price not filled.',
    );
    expect(box('Self-hosting', 'GPU price')).toHaveValue('3.99');
    expect(box('Self-hosting', 'GPUs per replica')).toHaveValue('2');
  });
});
