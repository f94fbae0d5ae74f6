import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Calculator } from '../../src/app/Calculator';
import { inputsFromPreset } from '../../src/state/inputs-from-preset';
import { DEFAULT_PRESET } from '../../src/scenario/presets';

// vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

function group(name: string): HTMLElement {
  const legend = screen.getByText(name, { selector: 'fieldset > legend' });
  return legend.parentElement as HTMLElement;
}

async function openEditor() {
  render(<Calculator initial={inputsFromPreset(DEFAULT_PRESET)} />);
  const portfolio = group('Portfolio');
  fireEvent.click(within(portfolio).getByText(/1 workload, 2 options, 2 strategies/));
  await within(portfolio).findByRole('heading', { name: 'Workloads (1)' }, { timeout: 10_000 });
  return portfolio;
}

const matrix = (portfolio: HTMLElement) => within(portfolio).getByRole('table');
const cell = (portfolio: HTMLElement, name: string) =>
  within(matrix(portfolio)).getByRole('textbox', { name }) as HTMLInputElement;

describe('portfolio editor', () => {
  it('adds, renames, reorders and removes workloads; every strategy keeps routing them', async () => {
    const portfolio = await openEditor();
    fireEvent.click(within(portfolio).getByRole('button', { name: 'Add workload' }));
    expect(within(portfolio).getByRole('heading', { name: 'Workloads (2)' })).toBeInTheDocument();
    const name = within(portfolio).getByRole('textbox', { name: 'Name of workload 2' });
    fireEvent.change(name, { target: { value: 'Coding' } });
    // The new workload went to the strategy's main option: the baseline stays valid.
    expect(
      within(matrix(portfolio)).getByRole('rowheader', { name: 'Coding' }),
    ).toBeInTheDocument();
    expect(cell(portfolio, 'Coding on GPT-5 (OpenAI API), percent').value).toBe('100');
    expect(within(portfolio).queryByText(/must total 100%/)).toBeNull();
    fireEvent.click(within(portfolio).getByRole('button', { name: 'Move Coding up' }));
    const names = within(portfolio)
      .getAllByRole('textbox', { name: /^Name of workload/ })
      .map((i) => (i as HTMLInputElement).value);
    expect(names).toEqual(['Coding', 'Customer-support assistant']);
    // The volume group now offers the second workload.
    expect(
      within(group('Volume and traffic')).getByRole('combobox', { name: 'Workload' }),
    ).toBeInTheDocument();
    fireEvent.click(within(portfolio).getByRole('button', { name: 'Remove workload Coding' }));
    expect(within(portfolio).getByRole('heading', { name: 'Workloads (1)' })).toBeInTheDocument();
  });

  it('the matrix says which workload does not total 100%, and quick actions fix it', async () => {
    const portfolio = await openEditor();
    fireEvent.change(within(portfolio).getByRole('combobox', { name: 'Strategy to edit' }), {
      target: { value: '1' },
    });
    const self = cell(
      portfolio,
      'Customer-support assistant on Llama 3.3 70B on rented H100 pairs, percent',
    );
    expect(self.value).toBe('100');
    fireEvent.change(self, { target: { value: '70' } });
    fireEvent.blur(self);
    expect(within(portfolio).getByRole('status')).toHaveTextContent(
      'Each workload’s shares must total 100%: Customer-support assistant totals 70%.'.replace(
        '’',
        "'",
      ),
    );
    // The results keep showing the last valid inputs meanwhile.
    expect(screen.getByText(/Showing the last valid inputs/)).toBeInTheDocument();
    const api = cell(portfolio, 'Customer-support assistant on GPT-5 (OpenAI API), percent');
    fireEvent.change(api, { target: { value: '30' } });
    fireEvent.blur(api);
    expect(within(portfolio).queryByRole('status')).toBeNull();
    // Hybrid: 10% of every workload to the API, the rest kept in proportion.
    fireEvent.change(within(portfolio).getByRole('textbox', { name: 'Hybrid: send' }), {
      target: { value: '10' },
    });
    fireEvent.click(within(portfolio).getByRole('button', { name: 'Apply hybrid' }));
    expect(self.value).toBe('90');
    expect(cell(portfolio, 'Customer-support assistant on GPT-5 (OpenAI API), percent').value).toBe(
      '10',
    );
    // All to one option.
    fireEvent.change(within(portfolio).getByRole('combobox', { name: 'All traffic to' }), {
      target: { value: 'gpt-5' },
    });
    fireEvent.click(within(portfolio).getByRole('button', { name: 'Route all' }));
    expect(cell(portfolio, 'Customer-support assistant on GPT-5 (OpenAI API), percent').value).toBe(
      '100',
    );
    expect(self.value).toBe('');
  });

  it('adds options and strategies; a new option opens in its input group', async () => {
    const portfolio = await openEditor();
    fireEvent.click(within(portfolio).getByRole('button', { name: 'Add API option' }));
    expect(within(portfolio).getByRole('heading', { name: 'Options (3)' })).toBeInTheDocument();
    const chooser = within(group('API pricing')).getByRole('combobox', { name: 'API option' });
    await waitFor(() =>
      expect((chooser as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('API option 2'),
    );
    fireEvent.click(within(portfolio).getByRole('button', { name: /^Add strategy/ }));
    const strategy = within(portfolio).getByRole('combobox', { name: 'Strategy to edit' });
    expect((strategy as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      'GPT-5 API (copy)',
    );
    expect(screen.getAllByText('GPT-5 API (copy)').length).toBeGreaterThan(0);
    fireEvent.click(within(portfolio).getByRole('button', { name: 'Make baseline' }));
    expect((strategy as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      'GPT-5 API (copy) (baseline)',
    );
  });
});
