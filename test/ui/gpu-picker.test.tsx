import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Calculator } from '../../src/app/Calculator';
import { inputsFromPreset } from '../../src/state/inputs-from-preset';
import { DEFAULT_PRESET } from '../../src/scenario/presets';

afterEach(cleanup);

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

const selfHosting = () =>
  screen
    .getByText('Self-hosting', { selector: 'fieldset > legend' })
    .closest('fieldset') as HTMLElement;

describe('GPU picker', () => {
  it('prices the deployment from a catalog GPU, on demand or committed, with the source shown', async () => {
    render(<Calculator initial={inputsFromPreset(DEFAULT_PRESET)} />);
    const group = selfHosting();
    const picker = await enabledPicker(group, 'GPU');
    // The default deployment's GPU is already the catalog H100 at its on-demand price.
    expect(picker).toHaveValue('h100-sxm');
    fireEvent.change(picker, { target: { value: 'h200' } });
    const price = within(group).getByRole('textbox', { name: 'GPU price' });
    expect(price).toHaveValue('4.5');
    const basis = within(group).getByRole('combobox', { name: 'Price basis' });
    fireEvent.change(basis, { target: { value: 'committedHourly' } });
    expect(price).toHaveValue('2.522');
    // The price field now cites the committed quote's source and date.
    const field = price.closest('.field') as HTMLElement;
    expect(within(field).getByText(/catalog, as of 2026-09-20/)).toBeInTheDocument();
    // The headline follows: a cheaper GPU lowers the self-hosted cost.
    expect(
      within(screen.getByRole('table', { name: /Per strategy/ }))
        .getByRole('rowheader', {
          name: 'Self-hosted Llama 3.3 70B',
        })
        .closest('tr'),
    ).not.toHaveTextContent('$22,280.80');
  });

  it('fills the purchase price and power for bought GPUs, and says when no price is public', async () => {
    render(<Calculator initial={inputsFromPreset(DEFAULT_PRESET)} />);
    const group = selfHosting();
    fireEvent.change(within(group).getByRole('combobox', { name: 'GPU pricing' }), {
      target: { value: 'buy' },
    });
    const picker = await enabledPicker(group, 'GPU');
    fireEvent.change(picker, { target: { value: 'h100-sxm' } });
    expect(within(group).getByRole('textbox', { name: 'Purchase price' })).toHaveValue('30,000');
    expect(within(group).getByRole('textbox', { name: 'Power' })).toHaveValue('1.275');
    fireEvent.change(picker, { target: { value: 'l4' } });
    expect(within(group).getByText(/No public purchase price for this GPU/)).toBeInTheDocument();
  });

  it('keeps the price in step with the GPU in every mode (monthly: hourly quote x hours)', async () => {
    render(<Calculator initial={inputsFromPreset(DEFAULT_PRESET)} />);
    const group = selfHosting();
    await enabledPicker(group, 'GPU');
    fireEvent.change(within(group).getByRole('combobox', { name: 'GPU pricing' }), {
      target: { value: 'monthly' },
    });
    // A profile on another GPU re-prices the monthly contract from that GPU's quote.
    fireEvent.change(await enabledPicker(group, 'Model and GPU'), {
      target: { value: 'llama-3.3-70b-fp8-h200x2' },
    });
    const price = within(group).getByRole('textbox', { name: 'GPU price' });
    expect(price).toHaveValue('3,285'); // H200 on demand 4.50 x 730
    // Choosing the committed basis sticks (the select does not jump back) and re-prices.
    const basis = within(group).getByRole('combobox', { name: 'Price basis' });
    fireEvent.change(basis, { target: { value: 'committedHourly' } });
    expect(basis).toHaveValue('committedHourly');
    expect(price).toHaveValue('1,841.06'); // 2.522 x 730
  });
});
