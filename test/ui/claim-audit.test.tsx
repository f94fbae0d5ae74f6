import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { ClaimAuditView } from '../../src/ui/analyses/ClaimAuditView';

afterEach(cleanup);

/** The row of a findings table whose header starts with `title`. */
function rowOf(table: HTMLElement, title: string | RegExp): HTMLElement {
  const header = within(table).getByRole('rowheader', { name: title });
  return header.closest('tr') as HTMLElement;
}

function audit(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'Source JSON' }), {
    target: { value: text },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Audit this table' }));
}

describe('ClaimAuditView', () => {
  it('lists the published sources with their findings', () => {
    render(<ClaimAuditView locale="en-US" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Claim audit' })).toBeInTheDocument();
    const sources = screen.getByRole('table', { name: 'Sources audited' });
    const rows = within(sources).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(5);
    const takeover = rowOf(sources, /The Open Source AI Takeover Is Real/);
    expect(takeover).toHaveTextContent('AI Magicx blog, 2026-04');
    expect(takeover).toHaveTextContent(
      '5 inconsistent, 23 consistent, 10 derived, 4 cannot be checked',
    );
    // The first source is shown, its button pressed.
    expect(within(takeover).getByRole('button', { name: /^Show the audit of/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(
      screen.getByRole('heading', { level: 3, name: /The Open Source AI Takeover Is Real/ }),
    ).toBeInTheDocument();
  });

  it('shows each finding in words, its result as text', () => {
    render(<ClaimAuditView locale="en-US" />);
    const checks = screen.getByRole('table', {
      name: 'Checks of the table “monthly-tco-by-volume”',
    });
    const verdict = rowOf(checks, /^Verdict at 100,000,000 tokens\/day/);
    expect(within(verdict).getByText('Consistent')).toBeInTheDocument();
    expect(verdict).toHaveTextContent(
      '($92,000 − $41,000) / $92,000 = 55.43%, which rounds to the stated 55%',
    );
    const recomputed = rowOf(
      checks,
      'API line “api costs” at 100,000,000 tokens/day, at the stated prices',
    );
    expect(within(recomputed).getByText('Inconsistent')).toBeInTheDocument();
    expect(recomputed).toHaveTextContent('no split of input and output reproduces $90,000');
    const price = rowOf(checks, 'API price implied at 10,000,000 tokens/day');
    expect(within(price).getByText('Derived')).toBeInTheDocument();
    expect(within(price).getByText('Figures')).toBeInTheDocument();
    expect(price).toHaveTextContent('per 1M, 30-day months$30.00 per 1M tokens');
    expect(price).toHaveTextContent('per 1M, 365/12 days a month$29.589 per 1M tokens');

    const claims = screen.getByRole('table', {
      name: "Claims checked against the source's own numbers",
    });
    const crossover = rowOf(claims, /^Cost crossover/);
    expect(within(crossover).getByText('Inconsistent')).toBeInTheDocument();
    expect(crossover).toHaveTextContent(
      'self-hosting costs $16,266.67 and the API $27,833.33 a month',
    );

    const hardware = screen.getByRole('table', {
      name: 'Checks of the table “infrastructure-by-model-size”',
    });
    expect(rowOf(hardware, 'What this table allows')).toHaveTextContent('nothing to add up');
    expect(
      within(rowOf(hardware, 'What this table allows')).getByText('Cannot be checked'),
    ).toBeInTheDocument();
  });

  it('shows another source on request and moves focus to it', async () => {
    render(<ClaimAuditView locale="en-US" />);
    fireEvent.click(
      screen.getByRole('button', {
        name: /^Show the audit of The Open-Source LLM Ecosystem in 2026/,
      }),
    );
    const heading = screen.getByRole('heading', {
      level: 3,
      name: /Why 93% of Enterprise Budgets Have Shifted/,
    });
    await waitFor(() => expect(heading).toHaveFocus());
    const claims = screen.getByRole('table', {
      name: "Claims checked against the source's own numbers",
    });
    const sixty = rowOf(claims, /60% cheaper than using the GPT-4o API/);
    expect(within(sixty).getByText('Inconsistent')).toBeInTheDocument();
    expect(sixty).toHaveTextContent(
      '(API − self) / API = ($1,450,000 − $800,000) / $1,450,000 = 44.83%',
    );
    expect(
      screen.getByRole('heading', { level: 4, name: 'Table “annual-tco” (USD per year)' }),
    ).toBeInTheDocument();
  });

  it('gives the line and column of a JSON syntax error', () => {
    render(<ClaimAuditView locale="en-US" />);
    audit('{ "id": "x", }');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The table could not be audited: 1 problem.');
    expect(alert).toHaveTextContent('(the whole text) is not valid JSON at line 1, column 14');
    expect(screen.getByRole('textbox', { name: 'Source JSON' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('names the field path of each problem in a user table', () => {
    render(<ClaimAuditView locale="en-US" />);
    audit(
      JSON.stringify({
        id: 'mine',
        tables: [
          {
            id: 't',
            unit: 'USD per month',
            columns: ['api'],
            tiers: [{ api: { api_costs: 'a lot' } }],
          },
        ],
      }),
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('2 problems');
    expect(within(alert).getByText('tables[0].tiers[0].tokens_per_day')).toBeInTheDocument();
    expect(alert).toHaveTextContent(
      'tables[0].tiers[0].api.api_costs must be a number, got "a lot"',
    );
  });

  it('audits the example table and lists it as yours', async () => {
    render(<ClaimAuditView locale="en-US" />);
    fireEvent.click(screen.getByRole('button', { name: 'Start from an example' }));
    fireEvent.click(screen.getByRole('button', { name: 'Audit this table' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const heading = screen.getByRole('heading', {
      level: 3,
      name: /Vendor quote: managed open-weight hosting/,
    });
    expect(heading).toHaveTextContent('your table');
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByRole('status')).toHaveTextContent(
      'Audited “Vendor quote: managed open-weight hosting”: 1 inconsistent',
    );
    expect(
      within(screen.getByRole('table', { name: 'Sources audited' })).getAllByRole('row'),
    ).toHaveLength(7);
    const checks = screen.getByRole('table', { name: 'Checks of the table “monthly-cost”' });
    const gpu = rowOf(checks, /^Price per GPU-hour, self-hosted \(self hosted\) at 50,000,000/);
    expect(gpu).toHaveTextContent(
      '$3,650 of compute over 2 GPUs × 730 hours (365/12 days a month) is $2.50 per GPU-hour',
    );
    const claims = screen.getByRole('table', {
      name: "Claims checked against the source's own numbers",
    });
    expect(
      within(rowOf(claims, /above 200 million tokens per day/)).getByText('Inconsistent'),
    ).toBeInTheDocument();
  });

  it('has no axe violations that jsdom can detect (with a user table and its errors shown)', async () => {
    const { container } = render(<ClaimAuditView locale="en-US" />);
    audit('{ "id": "x" }');
    // Colour contrast needs layout, which jsdom does not do; the browser tests cover it.
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
});
