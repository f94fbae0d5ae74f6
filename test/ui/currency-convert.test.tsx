import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Dec } from '../../src/core/decimal';
import { getAt } from '../../src/scenario/doc-path';
import { moneyPaths } from '../../src/scenario/currency-convert';
import { group, renderInputs, resultsOf, strategyRow, times } from './currency-helpers';

afterEach(cleanup);
vi.setConfig({ testTimeout: 15_000 });

const STATED = { asOf: '2026-07-31', source: 'ECB euro reference rate' };

/** Opens "Change currency…" in the Finance group and waits for its form. */
async function openChange() {
  const finance = group('Finance');
  fireEvent.click(within(finance).getByRole('button', { name: 'Change currency…' }));
  await within(finance).findByRole('combobox', { name: 'New currency' });
  return finance;
}

/** Fills the change form: the new currency, the rate and (when asked for) its date and source. */
async function fillChange(
  code: string,
  rate: string,
  stated: { asOf: string; source: string } | null = STATED,
) {
  const finance = await openChange();
  const select = within(finance).getByRole('combobox', { name: 'New currency' });
  if ([...(select as HTMLSelectElement).options].some((o) => o.value === code)) {
    fireEvent.change(select, { target: { value: code } });
  } else {
    fireEvent.change(select, { target: { value: 'other' } });
    fireEvent.change(within(finance).getByRole('textbox', { name: 'Currency code' }), {
      target: { value: code },
    });
  }
  fireEvent.change(within(finance).getByRole('textbox', { name: /^Rate \(/ }), {
    target: { value: rate },
  });
  if (stated) {
    fireEvent.change(within(finance).getByRole('textbox', { name: 'Date of this rate' }), {
      target: { value: stated.asOf },
    });
    fireEvent.change(within(finance).getByRole('textbox', { name: 'Source of this rate' }), {
      target: { value: stated.source },
    });
  }
  return finance;
}

describe('converting the scenario to another currency', () => {
  it('USD to EUR at 0.92 multiplies every money input exactly, and the results to the cent', async () => {
    const { store } = renderInputs();
    const before = store.getState().doc;
    const usd = resultsOf(before);
    const finance = await fillChange('EUR', '0.92');
    fireEvent.click(within(finance).getByRole('button', { name: 'Convert to EUR at 0.92' }));
    const report = await within(finance).findByRole('status');

    const after = store.getState().doc;
    expect(after.currency).toBe('EUR');
    expect(after.fx).toEqual({ rateFromUsd: '0.92', ...STATED });
    // Every money input, exactly (decimal text, no rounding), and nothing else.
    const paths = moneyPaths(before);
    expect(paths.length).toBe(13);
    for (const path of paths) {
      const was = getAt(before, path) as string;
      expect(getAt(after, path)).toBe(new Dec(was).mul('0.92').toFixed());
    }
    expect(after.workloads).toEqual(before.workloads);
    expect(after.strategies).toEqual(before.strategies);
    expect(report).toHaveTextContent(
      'Converted 13 amounts from USD to EUR at 0.92 EUR per USD. Undo restores the USD figures.',
    );
    expect(report).toHaveTextContent(
      'Catalog prices now use 0.92 EUR per USD, as of 2026-07-31 (source: ECB euro reference rate).',
    );
    const details = within(report).getByText('What was converted (13)');
    expect(within(details.parentElement as HTMLElement).getAllByRole('listitem')).toHaveLength(13);
    expect(report).toHaveTextContent('Finance: Engineer cost: USD 240,000 → EUR 220,800');
    expect(report).toHaveTextContent('GPT-5 (OpenAI API): Output price: USD 10 → EUR 9.2');

    // Run-rate, cost per 1M and NPV of each strategy: the USD results times 0.92, to the cent.
    for (const s of usd.strategies) {
      expect(strategyRow(s.name)).toEqual([
        times(s.runRate.total, '0.92', 'EUR'),
        s.costPerMTokens === null ? '–' : times(s.costPerMTokens, '0.92', 'EUR'),
        times(s.timeline.npv, '0.92', 'EUR'),
      ]);
    }
    // The run-rate is linear in money: exactly 0.92 times. The NPV's discount factors are worked
    // to 40 digits, so it agrees far below the cent.
    const eur = resultsOf(after);
    eur.strategies.forEach((s, i) => {
      const u = usd.strategies[i];
      expect(new Dec(s.runRate.total).equals(new Dec(u?.runRate.total ?? '').mul('0.92'))).toBe(
        true,
      );
      const npvGap = new Dec(s.timeline.npv).minus(new Dec(u?.timeline.npv ?? '').mul('0.92'));
      expect(npvGap.abs().lessThan('1e-20')).toBe(true);
    });
    // Converted fields are not "changed": their reference moved with them.
    expect(within(group('API pricing')).queryByText('changed')).toBeNull();
    expect(within(group('Finance')).getByRole('textbox', { name: 'Engineer cost' })).toHaveValue(
      '220,800',
    );

    // One undo step restores the USD scenario, and the report goes.
    act(() => store.temporal.getState().undo());
    expect(store.getState().doc).toBe(before);
    expect(within(group('Finance')).queryByRole('status')).toBeNull();
    expect(strategyRow('GPT-5 API')[0]).toBe('$14,455.63');
  });

  it('an invalid rate names the field and changes nothing', async () => {
    const { store } = renderInputs();
    const before = store.getState().doc;
    const finance = await fillChange('EUR', 'abc');
    fireEvent.click(within(finance).getByRole('button', { name: 'Convert to EUR' }));
    const rate = within(finance).getByRole('textbox', { name: 'Rate (EUR per 1 USD)' });
    expect(rate).toHaveAccessibleDescription(
      expect.stringContaining('Rate (EUR per 1 USD) must be a number above 0, such as 0.92'),
    );
    expect(rate).toHaveAttribute('aria-invalid', 'true');
    expect(rate).toHaveFocus();
    expect(within(finance).getByRole('alert')).toHaveTextContent('Nothing was changed.');
    // A date that is no date, and no source: each named.
    fireEvent.change(rate, { target: { value: '0.92' } });
    fireEvent.change(within(finance).getByRole('textbox', { name: 'Date of this rate' }), {
      target: { value: '2026-02-30' },
    });
    fireEvent.change(within(finance).getByRole('textbox', { name: 'Source of this rate' }), {
      target: { value: ' ' },
    });
    fireEvent.click(within(finance).getByRole('button', { name: 'Convert to EUR at 0.92' }));
    expect(
      within(finance).getByText('Source of this rate must say where the rate comes from'),
    ).toBeVisible();
    fireEvent.change(within(finance).getByRole('textbox', { name: 'Source of this rate' }), {
      target: { value: 'ECB' },
    });
    fireEvent.click(within(finance).getByRole('button', { name: 'Convert to EUR at 0.92' }));
    // The calendar check is the validator's (2026-02-30 is not a day).
    await within(finance).findByText(
      /Date of this rate must be the date of the rate, written YYYY-MM-DD/,
    );
    expect(store.getState().doc).toBe(before);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    // Cancel closes the form and gives the focus back to the button that opened it.
    fireEvent.click(within(finance).getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(within(finance).getByRole('button', { name: 'Change currency…' })).toHaveFocus(),
    );
  });

  it('says which amounts would leave their bounds, and changes nothing', async () => {
    const { store } = renderInputs();
    act(() => store.getState().setField(['settings', 'fteCostPerYear'], '100000000'));
    const before = store.getState().doc;
    const finance = await fillChange('XAU', '1000000');
    fireEvent.click(within(finance).getByRole('button', { name: 'Convert to XAU at 1000000' }));
    const alert = await within(finance).findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was changed.');
    expect(alert).toHaveTextContent(
      'Finance: Engineer cost must be at least 0 and at most 10000000000000, got 100000000000000',
    );
    expect(store.getState().doc).toBe(before);
  });

  it('to JPY: amounts show in whole yen, with no decimals', async () => {
    const { store } = renderInputs();
    const usd = resultsOf(store.getState().doc);
    const finance = await fillChange('JPY', '150');
    expect(within(finance).getByText('Japanese Yen: amounts show in whole units.')).toBeVisible();
    fireEvent.click(within(finance).getByRole('button', { name: 'Convert to JPY at 150' }));
    await within(finance).findByRole('status');
    const [perMonth = '', , npv = ''] = strategyRow('GPT-5 API');
    expect(perMonth).toBe(times(usd.strategies[0]?.runRate.total ?? '', '150', 'JPY'));
    expect(perMonth).toMatch(/^¥[\d,]+$/);
    expect(npv).toMatch(/^¥[\d,]+$/);
    expect(screen.getByText(/is cheaper today by/)).toHaveTextContent(/¥[\d,]+ a month/);
    // The unit beside each money input, and its slider's range, follow the currency.
    expect(within(group('Finance')).getByText('JPY a year, loaded')).toBeInTheDocument();
    const slider = within(group('Finance')).getByRole('slider', { name: 'Engineer cost slider' });
    expect(slider).toHaveAttribute('min', '7400000');
    expect(slider).toHaveAttribute('max', '75000000');
    expect(slider).toHaveAttribute('step', '200000');
    expect(slider).toHaveValue('36000000');
  });

  it('between two other currencies: the rate from USD is the old one times the stated rate', async () => {
    const { store } = renderInputs();
    let finance = await fillChange('EUR', '0.92');
    fireEvent.click(within(finance).getByRole('button', { name: 'Convert to EUR at 0.92' }));
    await within(finance).findByRole('status');
    finance = await fillChange('GBP', '0.85', {
      asOf: '2026-08-01',
      source: 'Bank of England',
    });
    expect(
      within(finance).getByText('Catalog prices will use 0.92 × 0.85 GBP per USD.'),
    ).toBeVisible();
    fireEvent.click(within(finance).getByRole('button', { name: 'Convert to GBP at 0.85' }));
    await within(finance).findByText(/Converted 13 amounts from EUR to GBP/);
    const { doc } = store.getState();
    expect(doc.currency).toBe('GBP');
    expect(doc.fx?.rateFromUsd).toBe('0.782');
    expect(doc.fx?.asOf).toBe('2026-08-01');
    expect(doc.fx?.source).toBe(
      'Bank of England; times 0.92 EUR/USD (ECB euro reference rate, as of 2026-07-31)',
    );
    expect(doc.settings.fteCostPerYear).toBe('187680');
    // And back to USD: the rate from USD goes, with no date or source to state.
    finance = await openChange();
    fireEvent.change(within(finance).getByRole('combobox', { name: 'New currency' }), {
      target: { value: 'USD' },
    });
    expect(within(finance).queryByRole('textbox', { name: 'Date of this rate' })).toBeNull();
    expect(
      within(finance).getByText(/Your stated rate was 0.782 GBP per USD \(as of 2026-08-01\)/),
    ).toBeVisible();
    fireEvent.change(within(finance).getByRole('textbox', { name: 'Rate (USD per 1 GBP)' }), {
      target: { value: '1.25' },
    });
    fireEvent.click(within(finance).getByRole('button', { name: 'Convert to USD at 1.25' }));
    await within(finance).findByText(/The scenario is now in USD: its exchange rate was removed./);
    expect(store.getState().doc.fx).toBeUndefined();
    expect(store.getState().doc.settings.fteCostPerYear).toBe('234600');
  });
});

describe('relabelling: the figures are already in the new currency', () => {
  it('keeps every number, changes the code, and says so', async () => {
    const { store } = renderInputs();
    const before = store.getState().doc;
    const finance = await openChange();
    fireEvent.change(within(finance).getByRole('combobox', { name: 'New currency' }), {
      target: { value: 'EUR' },
    });
    fireEvent.click(within(finance).getByRole('button', { name: 'My figures are already in EUR' }));
    const report = await within(finance).findByRole('status');
    expect(report).toHaveTextContent(
      'Relabelled as EUR: every number is as it was; nothing was converted.',
    );
    const after = store.getState().doc;
    expect(after).toEqual({ ...before, currency: 'EUR' });
    expect(strategyRow('GPT-5 API')[0]).toBe('€14,455.63');
    expect(within(group('API pricing')).getAllByText('EUR per 1M tokens')).toHaveLength(3);
    expect(within(finance).getByText('EUR (Euro)')).toBeInTheDocument();
    // No rate yet: the rate fields are there, empty, and say what they are for.
    const rate = await within(finance).findByRole('textbox', { name: 'Rate from USD' });
    expect(rate).toHaveValue('');
    expect(within(finance).getByText(/No rate stated: catalog prices are in USD/)).toBeVisible();
    act(() => store.temporal.getState().undo());
    await waitFor(() => expect(store.getState().doc).toBe(before));
  });

  it('a rate typed in the settings is checked field by field, and names each field', async () => {
    const { store } = renderInputs();
    const finance = await openChange();
    fireEvent.change(within(finance).getByRole('combobox', { name: 'New currency' }), {
      target: { value: 'EUR' },
    });
    fireEvent.click(within(finance).getByRole('button', { name: 'My figures are already in EUR' }));
    const rate = await within(finance).findByRole('textbox', { name: 'Rate from USD' });
    fireEvent.focus(rate);
    fireEvent.change(rate, { target: { value: 'abc' } });
    fireEvent.blur(rate);
    await waitFor(() =>
      expect(within(finance).getByText('Rate from USD must be a number, got "abc"')).toBeVisible(),
    );
    expect(within(finance).getByText('Rate as of is required')).toBeVisible();
    expect(screen.getByText(/Showing the last valid inputs/)).toBeVisible();
    // Typed the way the locale writes it; stored plain.
    fireEvent.change(rate, { target: { value: '1,400' } });
    fireEvent.change(within(finance).getByRole('textbox', { name: 'Rate as of' }), {
      target: { value: '2026-07-31' },
    });
    fireEvent.change(within(finance).getByRole('textbox', { name: 'Rate source' }), {
      target: { value: 'my bank' },
    });
    await waitFor(() => expect(store.getState().validDoc.fx?.rateFromUsd).toBe('1400'));
    expect(within(finance).queryByText(/must be/)).toBeNull();
    // Clearing all three removes the section.
    for (const name of ['Rate from USD', 'Rate as of', 'Rate source']) {
      fireEvent.change(within(finance).getByRole('textbox', { name }), { target: { value: '' } });
    }
    expect(store.getState().doc.fx).toBeUndefined();
  });
});
