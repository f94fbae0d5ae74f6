import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Calculator } from '../../src/app/Calculator';
import { inputsFromPreset } from '../../src/state/inputs-from-preset';
import { DEFAULT_PRESET, PRESETS } from '../../src/scenario/presets';
import { loadCatalog } from '../../src/scenario/catalog';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { evaluateModel } from '../../src/core/evaluate';
import { formatTokens } from '../../src/ui/format';

// vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(cleanup);
// A full calculator renders in about 0.2 s in jsdom; leave room on a busy 2-core machine.
vi.setConfig({ testTimeout: 15_000 });
/** The catalog loads asynchronously (a dynamic import). */
const CATALOG_WAIT = { timeout: 5_000 };

const catalog = await loadCatalog();

/** A fresh calculator (and so a fresh store) on the default scenario, or another preset. */
function renderCalculator(preset = DEFAULT_PRESET) {
  render(<Calculator initial={inputsFromPreset(preset)} />);
}

const results = () => screen.getByRole('region', { name: 'Results' });
/**
 * An input group: the fieldset named by its legend. Found through the legend's text because a
 * role query by name costs about 0.2 s on a page this size in jsdom (the first test checks the
 * groups by role and name).
 */
function group(name: string): HTMLElement {
  const legend = screen.getByText(name, { selector: 'fieldset > legend' });
  return legend.parentElement as HTMLElement;
}

/** The verdict sentence: "X is cheaper today by $… a month ($… a year)." */
const verdict = () => within(results()).getByText(/is cheaper today by|cost the same today/);

/** The value of one headline fact (Break-even, Payback, NPV of savings). */
function fact(label: string): HTMLElement {
  const term = within(results()).getByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
}

/** The cells of a strategy's row in the per-strategy table. */
function strategyRow(name: string): string[] {
  const table = within(results()).getByRole('table', { name: /Per strategy/ });
  const header = within(table).getByRole('rowheader', { name });
  const row = header.closest('tr') as HTMLElement;
  return within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

/** The number field and slider of an input, found by label inside its group. */
function field(groupName: string, label: string) {
  const g = group(groupName);
  return {
    get box() {
      return within(g).getByRole('textbox', { name: label }) as HTMLInputElement;
    },
    get slider() {
      return within(g).getByRole('slider', { name: `${label} slider` }) as HTMLInputElement;
    },
  };
}

/** Types into a field as a person does: focus, edit, leave (one undo step). */
/** Opens the source disclosure of the field whose text box is `box`, and waits for its text. */
async function openSource(box: HTMLElement) {
  const details = (box.closest('.field') as HTMLElement).querySelector(
    'details',
  ) as HTMLDetailsElement;
  fireEvent.click(details.querySelector('summary') as HTMLElement);
  if (!details.open) details.open = true;
  fireEvent(details, new Event('toggle'));
  await waitFor(() => expect(details.querySelector('p')).not.toBeNull());
}

function typeInto(box: HTMLElement, text: string) {
  fireEvent.focus(box);
  fireEvent.change(box, { target: { value: text } });
  fireEvent.blur(box);
}

/** One slider drag: pointer down, several moves, pointer up. */
function drag(slider: HTMLElement, positions: number[]) {
  fireEvent.pointerDown(slider);
  for (const p of positions) fireEvent.change(slider, { target: { value: String(p) } });
  fireEvent.pointerUp(slider);
}

const undoButton = () => screen.getByRole('button', { name: 'Undo' });
const redoButton = () => screen.getByRole('button', { name: 'Redo' });
const staleNote = () => within(results()).queryByText(/Showing the last valid inputs/);

/** The API model picker, once the catalog has loaded. */
async function apiModelPicker() {
  return enabledPicker(group('API pricing'), 'API model');
}

/** A catalog picker once its code and the catalog have loaded (queried afresh until then). */
async function enabledPicker(container: HTMLElement, name: string): Promise<HTMLSelectElement> {
  return waitFor(() => {
    const picker = within(container).getByRole('combobox', { name }) as HTMLSelectElement;
    expect(picker).toBeEnabled();
    return picker;
  }, CATALOG_WAIT);
}

/** Picks an option of a select by its visible text, as a person does. */
function choose(select: HTMLElement, optionText: string | RegExp) {
  const option = within(select).getByRole('option', { name: optionText }) as HTMLOptionElement;
  fireEvent.change(select, { target: { value: option.value } });
}

/** Picks a preset; its scenario is a separate download, so this waits until it has loaded. */
async function choosePreset(optionText: string | RegExp) {
  const menu = screen.getByRole('combobox', { name: 'Scenario' });
  const option = within(menu).getByRole('option', { name: optionText }) as HTMLOptionElement;
  fireEvent.change(menu, { target: { value: option.value } });
  await waitFor(() => expect(menu).toHaveValue(option.value), { timeout: 10_000 });
}

/** Headline numbers the engine gives for the default scenario with some edits. */
function engineBreakEven(edit: (doc: { options: Record<string, unknown>[] }) => void): string {
  const doc = structuredClone(DEFAULT_PRESET.scenario) as { options: Record<string, unknown>[] };
  edit(doc);
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  const be = evaluateModel(v.scenario).strategies[1]?.vsBaseline?.breakEven;
  if (be?.kind !== 'at') throw new Error('expected a break-even volume');
  return formatTokens(be.tokensPerDay);
}

describe('the headline of the default scenario', () => {
  it('says which strategy is cheaper today and by how much a month and a year', () => {
    renderCalculator();
    expect(verdict()).toHaveTextContent(
      'GPT-5 API is cheaper today by $7,825.18 a month ($93,902.10 a year).',
    );
  });

  it('shows the break-even volume, the payback month and the NPV of savings', () => {
    renderCalculator();
    expect(fact('Break-even')).toHaveTextContent(
      '244,236,640 tokens/day: Self-hosted Llama 3.3 70B is cheaper from there up',
    );
    expect(fact('Payback')).toHaveTextContent('month 34');
    expect(fact('NPV of savings')).toHaveTextContent('$4,407.11');
    expect(staleNote()).toBeNull();
  });

  it('shows each strategy per month, per 1M tokens and as NPV of cost', () => {
    renderCalculator();
    const table = within(results()).getByRole('table', { name: /Per strategy/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Strategy', 'Per month', 'Per 1M tokens', 'NPV of cost']);
    expect(strategyRow('GPT-5 API')).toEqual(['$14,455.63', '$3.17', '$751,587.08']);
    expect(strategyRow('Self-hosted Llama 3.3 70B')).toEqual([
      '$22,280.80',
      '$4.88',
      '$747,179.97',
    ]);
  });

  it('shows the self-hosted capacity: replicas, GPUs and utilization', () => {
    renderCalculator();
    expect(within(results()).getByRole('listitem')).toHaveTextContent(
      'Llama 3.3 70B on rented H100 pairs: 2 replicas, 4 GPUs, 11.6% average utilization',
    );
  });
});

describe('the inputs', () => {
  const GROUPS: Record<string, string[]> = {
    'Volume and traffic': [
      'Volume',
      'Input share',
      'Cached input',
      'Batch-tolerant',
      'Peak to average',
      'Growth',
    ],
    'API pricing': [
      'Input price',
      'Cached input price',
      'Output price',
      'Batch discount',
      'Price change',
      'Integration staff',
      'Fine-tuning',
      'Fine-tuning, one-time',
    ],
    'Self-hosting': [
      'GPU price',
      'GPUs per replica',
      'Prefill throughput',
      'Decode throughput',
      'Target utilization',
      'Minimum replicas',
      'Engineers (from 0 tokens/day)',
      'Tier 2 from',
      'Tier 2 engineers',
      'Tier 3 from',
      'Tier 3 engineers',
      'Storage, fixed',
      'Storage, per GPU',
      'Monitoring, fixed',
      'Monitoring, per GPU',
      'Fine-tuning',
      'Fine-tuning, one-time',
    ],
    Finance: ['Horizon', 'Discount rate', 'Engineer cost'],
  };

  it('are in four groups after the portfolio, and every numeric input is a labelled number field with a slider', () => {
    renderCalculator();
    const inputs = screen.getByRole('region', { name: 'Inputs' });
    const legends = within(inputs)
      .getAllByRole('group')
      .map((g) => g.querySelector(':scope > legend')?.textContent)
      .filter(Boolean);
    expect(legends).toEqual(['Portfolio', ...Object.keys(GROUPS)]);
    for (const [name, labels] of Object.entries(GROUPS)) {
      const g = within(inputs).getByRole('group', { name });
      expect(g).toBe(group(name));
      const boxes = within(g).getAllByRole('textbox');
      const sliders = within(g).getAllByRole('slider');
      expect(boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent)).toEqual(labels);
      expect(sliders.map((s) => s.getAttribute('aria-label'))).toEqual(
        labels.map((l) => `${l} slider`),
      );
    }
  });

  it('show units, and prices in the scenario currency', () => {
    renderCalculator();
    const volume = group('Volume and traffic');
    expect(within(volume).getByText('tokens/day')).toBeInTheDocument();
    expect(within(group('API pricing')).getAllByText('USD per 1M tokens')).toHaveLength(3);
    expect(within(group('Self-hosting')).getByText('USD per GPU-hour')).toBeInTheDocument();
    expect(within(group('Finance')).getByText('USD a year, loaded')).toBeInTheDocument();
  });

  it('show their current values, percent fields as percent', () => {
    renderCalculator();
    expect(field('Volume and traffic', 'Volume').box).toHaveValue('150,000,000');
    expect(field('Volume and traffic', 'Input share').box).toHaveValue('80');
    expect(field('Volume and traffic', 'Growth').box).toHaveValue('3');
    expect(field('API pricing', 'Input price').box).toHaveValue('1.25');
    expect(field('Self-hosting', 'Target utilization').box).toHaveValue('60');
    expect(field('Finance', 'Discount rate').box).toHaveValue('8');
  });

  it('the volume slider is logarithmic from 100K to 10B tokens/day', () => {
    renderCalculator();
    const { box, slider } = field('Volume and traffic', 'Volume');
    expect(slider).toHaveValue('635');
    fireEvent.change(slider, { target: { value: '0' } });
    expect(box).toHaveValue('100,000');
    fireEvent.change(slider, { target: { value: slider.max } });
    expect(box).toHaveValue('10,000,000,000');
    fireEvent.change(slider, { target: { value: '600' } });
    expect(box).toHaveValue('100,000,000');
  });

  it('has the calendar and currency in Finance; "my figures are already in EUR" relabels every amount', async () => {
    renderCalculator();
    const finance = group('Finance');
    expect(within(finance).getByRole('combobox', { name: /Calendar/ })).toHaveValue('365');
    expect(within(finance).getByText('USD (US Dollar)')).toBeInTheDocument();
    // Converting is the other choice of the same form (test/ui/currency-convert.test.tsx).
    fireEvent.click(within(finance).getByRole('button', { name: 'Change currency…' }));
    const currency = await within(finance).findByRole('combobox', { name: 'New currency' });
    fireEvent.change(currency, { target: { value: 'EUR' } });
    fireEvent.click(within(finance).getByRole('button', { name: 'My figures are already in EUR' }));
    expect(strategyRow('GPT-5 API')[0]).toBe('€14,455.63');
    expect(within(group('API pricing')).getAllByText('EUR per 1M tokens')).toHaveLength(3);
  });
});

describe('editing inputs updates the results', () => {
  it('a larger volume makes self-hosting cheaper today; the break-even stays where it was', () => {
    renderCalculator();
    const { box } = field('Volume and traffic', 'Volume');
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: '400000000' } });
    // Live, while typing.
    expect(verdict()).toHaveTextContent(
      'Self-hosted Llama 3.3 70B is cheaper today by $7,068.80 a month ($84,825.60 a year).',
    );
    fireEvent.blur(box);
    expect(box).toHaveValue('400,000,000');
    expect(fact('Break-even')).toHaveTextContent('244,236,640 tokens/day');
    expect(fact('Payback')).toHaveTextContent('month 1 (cheaper from the start)');
    expect(staleNote()).toBeNull();
  });

  it('accepts grouping commas in the number field', () => {
    renderCalculator();
    const { box } = field('Volume and traffic', 'Volume');
    typeInto(box, '400,000,000');
    expect(box).not.toHaveAttribute('aria-invalid');
    expect(verdict()).toHaveTextContent('Self-hosted Llama 3.3 70B is cheaper today by $7,068.80');
  });

  it('higher API input and output prices move the break-even down', () => {
    renderCalculator();
    typeInto(field('API pricing', 'Input price').box, '2');
    const afterInput = engineBreakEven((doc) => {
      (doc.options[0] as Record<string, unknown>).inputPerM = '2';
    });
    expect(fact('Break-even')).toHaveTextContent(`${afterInput} tokens/day`);
    expect(fact('Break-even')).not.toHaveTextContent('244,236,640');

    typeInto(field('API pricing', 'Output price').box, '15');
    const afterBoth = engineBreakEven((doc) => {
      Object.assign(doc.options[0] as Record<string, unknown>, {
        inputPerM: '2',
        outputPerM: '15',
      });
    });
    expect(afterBoth).not.toBe(afterInput);
    expect(fact('Break-even')).toHaveTextContent(`${afterBoth} tokens/day`);
    const volume = (text: string) => Number(text.replace(/,/g, ''));
    expect(volume(afterBoth)).toBeLessThan(volume(afterInput));
    expect(volume(afterInput)).toBeLessThan(244_236_640);
  });

  it('cheaper API prices make self-hosting break even later', () => {
    renderCalculator();
    typeInto(field('API pricing', 'Output price').box, '5');
    const text = fact('Break-even').textContent ?? '';
    const volume = Number((/([\d,]+) tokens\/day/.exec(text)?.[1] ?? '0').replace(/,/g, ''));
    expect(volume).toBeGreaterThan(244_236_640);
  });
});

describe('invalid values', () => {
  it('"abc" gets an inline message naming the field, is marked invalid, the results stay', () => {
    renderCalculator();
    const { box } = field('API pricing', 'Input price');
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'abc' } });
    expect(box).toHaveValue('abc');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    const alert = within(group('API pricing')).getByRole('alert');
    expect(alert).toHaveTextContent(/^Input price must be a number, got "abc"/);
    expect(box).toHaveAccessibleDescription(
      expect.stringContaining('Input price must be a number'),
    );
    expect(staleNote()).toHaveTextContent('Showing the last valid inputs');
    expect(verdict()).toHaveTextContent('GPT-5 API is cheaper today by $7,825.18 a month');
    expect(fact('Break-even')).toHaveTextContent('244,236,640 tokens/day');
  });

  it('a negative price is refused with its bounds', () => {
    renderCalculator();
    const { box } = field('API pricing', 'Output price');
    typeInto(box, '-1');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(within(group('API pricing')).getByRole('alert')).toHaveTextContent(
      /^Output price must be at least 0 .*got -1/,
    );
    expect(staleNote()).toBeInTheDocument();
    expect(strategyRow('GPT-5 API')[0]).toBe('$14,455.63');
  });

  it('a decimal comma is not guessed at: it is named as not a number', () => {
    renderCalculator();
    const { box } = field('API pricing', 'Input price');
    typeInto(box, '1,5');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(within(group('API pricing')).getByRole('alert')).toHaveTextContent('got "1,5"');
  });

  it('the results are the last valid inputs, not the defaults, and come back when fixed', () => {
    renderCalculator();
    const { box } = field('Volume and traffic', 'Volume');
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: '400000000' } });
    fireEvent.change(box, { target: { value: '400000000x' } });
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(within(group('Volume and traffic')).getByRole('alert')).toHaveTextContent(/^Volume /);
    expect(staleNote()).toBeInTheDocument();
    expect(verdict()).toHaveTextContent('Self-hosted Llama 3.3 70B is cheaper today by $7,068.80');
    fireEvent.change(box, { target: { value: '150000000' } });
    fireEvent.blur(box);
    expect(box).not.toHaveAttribute('aria-invalid');
    expect(within(group('Volume and traffic')).queryByRole('alert')).toBeNull();
    expect(staleNote()).toBeNull();
    expect(verdict()).toHaveTextContent('GPT-5 API is cheaper today by $7,825.18');
  });
});

describe('changed values and sources', () => {
  it('a changed value is marked, and its reset restores the default', () => {
    renderCalculator();
    const volumeGroup = group('Volume and traffic');
    expect(within(volumeGroup).queryByText('changed')).toBeNull();
    const { box } = field('Volume and traffic', 'Volume');
    typeInto(box, '400000000');
    expect(within(volumeGroup).getByText('changed')).toBeInTheDocument();
    const reset = within(volumeGroup).getByRole('button', {
      name: 'Reset to 150,000,000 (Volume)',
    });
    fireEvent.click(reset);
    expect(box).toHaveValue('150,000,000');
    expect(within(volumeGroup).queryByText('changed')).toBeNull();
    expect(verdict()).toHaveTextContent('GPT-5 API is cheaper today by $7,825.18');
  });

  it('a changed percent field resets to its percent value', () => {
    renderCalculator();
    const { box } = field('Volume and traffic', 'Input share');
    typeInto(box, '70');
    const reset = within(group('Volume and traffic')).getByRole('button', {
      name: 'Reset to 80% (Input share)',
    });
    fireEvent.click(reset);
    expect(box).toHaveValue('80');
  });

  it('a catalog price resets to the catalog value once the catalog has loaded', async () => {
    renderCalculator();
    await apiModelPicker();
    const { box } = field('API pricing', 'Input price');
    typeInto(box, '2');
    fireEvent.click(
      within(group('API pricing')).getByRole('button', { name: 'Reset to 1.25 (Input price)' }),
    );
    expect(box).toHaveValue('1.25');
    expect(within(group('API pricing')).queryByText('changed')).toBeNull();
  });

  it('each field shows its source kind and as-of date', async () => {
    renderCalculator();
    const volume = field('Volume and traffic', 'Volume').box;
    expect(volume).toHaveAccessibleDescription(expect.stringMatching(/^assumption, as of 2026-11/));
    // The citation itself is rendered when its disclosure is opened.
    await openSource(volume);
    expect(volume).toHaveAccessibleDescription(expect.stringContaining('Illustrative example'));
    expect(field('Finance', 'Engineer cost').box).toHaveAccessibleDescription(
      expect.stringMatching(/^assumption, as of 2026-05/),
    );
    await apiModelPicker();
    const inputPrice = field('API pricing', 'Input price').box;
    await waitFor(
      () =>
        expect(inputPrice).toHaveAccessibleDescription(
          expect.stringMatching(/^catalog, as of 2026-07-24/),
        ),
      CATALOG_WAIT,
    );
    await openSource(inputPrice);
    expect(inputPrice).toHaveAccessibleDescription(expect.stringContaining('BerriAI/litellm'));
    expect(field('Self-hosting', 'Prefill throughput').box).toHaveAccessibleDescription(
      expect.stringMatching(/^catalog, as of /),
    );
    expect(
      within(group('Volume and traffic')).getAllByText('assumption, as of 2026-11').length,
    ).toBeGreaterThan(0);
    // Input, cached input and output prices, and the batch discount (none listed: 0).
    expect(within(group('API pricing')).getAllByText('catalog, as of 2026-07-24')).toHaveLength(4);
  });
});

describe('undo and redo', () => {
  it('the buttons undo and redo a typed change', () => {
    renderCalculator();
    expect(undoButton()).toBeDisabled();
    expect(redoButton()).toBeDisabled();
    const { box } = field('Volume and traffic', 'Volume');
    typeInto(box, '400000000');
    expect(undoButton()).toBeEnabled();
    fireEvent.click(undoButton());
    expect(box).toHaveValue('150,000,000');
    expect(undoButton()).toBeDisabled();
    expect(redoButton()).toBeEnabled();
    fireEvent.click(redoButton());
    expect(box).toHaveValue('400,000,000');
    expect(verdict()).toHaveTextContent('Self-hosted Llama 3.3 70B is cheaper today by $7,068.80');
  });

  it('Ctrl+Z and Ctrl+Shift+Z (and Cmd, and Ctrl+Y) undo and redo', () => {
    renderCalculator();
    const { box } = field('Volume and traffic', 'Volume');
    typeInto(box, '400000000');
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(box).toHaveValue('150,000,000');
    fireEvent.keyDown(document.body, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(box).toHaveValue('400,000,000');
    fireEvent.keyDown(window, { key: 'z', metaKey: true });
    expect(box).toHaveValue('150,000,000');
    fireEvent.keyDown(document.body, { key: 'y', ctrlKey: true });
    expect(box).toHaveValue('400,000,000');
  });

  it('Ctrl+Z inside a number field is left to the field', () => {
    renderCalculator();
    const { box } = field('Volume and traffic', 'Volume');
    typeInto(box, '400000000');
    fireEvent.keyDown(field('API pricing', 'Input price').box, { key: 'z', ctrlKey: true });
    expect(box).toHaveValue('400,000,000');
  });

  it('one slider drag is one undo step', () => {
    renderCalculator();
    const { box, slider } = field('API pricing', 'Input price');
    expect(slider).toHaveValue('524');
    drag(slider, [540, 600, 650, 700]);
    expect(box).toHaveValue('6.31');
    fireEvent.click(undoButton());
    expect(box).toHaveValue('1.25');
    expect(slider).toHaveValue('524');
    expect(undoButton()).toBeDisabled();
    fireEvent.click(redoButton());
    expect(box).toHaveValue('6.31');
  });

  it('two drags are two steps', () => {
    renderCalculator();
    const { box, slider } = field('Volume and traffic', 'Volume');
    drag(slider, [650, 700]);
    drag(slider, [750, 800]);
    expect(box).toHaveValue('1,000,000,000');
    fireEvent.click(undoButton());
    expect(box).toHaveValue('316,000,000');
    fireEvent.click(undoButton());
    expect(box).toHaveValue('150,000,000');
    expect(undoButton()).toBeDisabled();
  });

  it('a focus that changes nothing leaves no undo step', () => {
    renderCalculator();
    const { box } = field('Volume and traffic', 'Volume');
    fireEvent.focus(box);
    fireEvent.blur(box);
    expect(undoButton()).toBeDisabled();
  });

  it('undoing a catalog pick restores the prices and the results', async () => {
    renderCalculator();
    choose(await apiModelPicker(), /^Claude Sonnet 4\.5/);
    expect(strategyRow('GPT-5 API')[0]).not.toBe('$14,455.63');
    fireEvent.click(undoButton());
    expect(field('API pricing', 'Input price').box).toHaveValue('1.25');
    expect(strategyRow('GPT-5 API')[0]).toBe('$14,455.63');
    expect(staleNote()).toBeNull();
  });

  // Regression: the undo step a gesture records once lacked `validDoc`, so undo restored the
  // field but not the results.
  it('undoing a typed edit also restores the results', () => {
    renderCalculator();
    typeInto(field('Volume and traffic', 'Volume').box, '400000000');
    fireEvent.click(undoButton());
    expect(field('Volume and traffic', 'Volume').box).toHaveValue('150,000,000');
    expect(verdict()).toHaveTextContent(
      'GPT-5 API is cheaper today by $7,825.18 a month ($93,902.10 a year).',
    );
    expect(staleNote()).toBeNull();
  });

  it('undoing a slider drag also restores the results', () => {
    renderCalculator();
    drag(field('API pricing', 'Input price').slider, [600, 700]);
    expect(fact('Break-even')).not.toHaveTextContent('244,236,640');
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(field('API pricing', 'Input price').box).toHaveValue('1.25');
    expect(fact('Break-even')).toHaveTextContent('244,236,640 tokens/day');
    expect(staleNote()).toBeNull();
  });
});

describe('the presets menu', () => {
  const TABLES = [
    ['takeover-2026-10m', 'Published table: 10M tokens/day', '$9,500.00', '$9,200.00'],
    ['takeover-2026-100m', 'Published table: 100M tokens/day', '$92,000.00', '$41,000.00'],
    ['takeover-2026-1b', 'Published table: 1B tokens/day', '$910,000.00', '$170,000.00'],
  ] as const;

  it('lists every preset, the default selected', () => {
    renderCalculator();
    const menu = screen.getByRole('combobox', { name: 'Scenario' });
    expect(
      within(menu)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(PRESETS.map((p) => p.title));
    expect(menu).toHaveValue('default');
  });

  it.each(TABLES)('%s loads "%s" with its monthly totals', async (id, title, api, selfHosted) => {
    renderCalculator();
    await choosePreset(new RegExp(`^${title}`));
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue(id);
    expect(strategyRow('Proprietary API')[0]).toBe(api);
    expect(strategyRow('Self-hosted open source')[0]).toBe(selfHosted);
    expect(verdict()).toHaveTextContent(/^Self-hosted open source is cheaper today by/);
    expect(screen.getByText(/^About this scenario: AI Magicx blog, 2026-04/)).toBeInTheDocument();
  });

  it('the 100M table: $92,000 against $41,000 a month, with its source', async () => {
    renderCalculator();
    await choosePreset(/^Published table: 100M tokens\/day/);
    expect(verdict()).toHaveTextContent(
      'Self-hosted open source is cheaper today by $51,000.00 a month ($612,000.00 a year).',
    );
    expect(field('Volume and traffic', 'Volume').box).toHaveValue('100,000,000');
    const about = screen.getByText(/^About this scenario/);
    fireEvent.click(about);
    const details = about.closest('details') as HTMLElement;
    expect(details).toHaveAttribute('open');
    expect(details).toHaveTextContent(
      'Source: AI Magicx blog, “The Open Source AI Takeover Is Real: Why 67% of Enterprises Now Run DeepSeek, Llama, or Qwen in Production” (2026-04), table monthly-tco-by-volume.',
    );
    expect(details).toHaveTextContent(/reproduced to the cent on a 30\/360 calendar/);
    // Its numbers come from the published table.
    await openSource(field('Volume and traffic', 'Volume').box);
    expect(field('Volume and traffic', 'Volume').box).toHaveAccessibleDescription(
      expect.stringMatching(/^assumption, as of 2026-04.*AI Magicx blog/),
    );
    // A preset is one undo step back to the default.
    fireEvent.click(undoButton());
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue('default');
    expect(strategyRow('GPT-5 API')[0]).toBe('$14,455.63');
  });

  it('the annual table loads with its own source', async () => {
    renderCalculator();
    await choosePreset(/^Published annual table/);
    expect(verdict()).toHaveTextContent(
      'Open-source self-hosted strategy is cheaper today by $54,166.67 a month ($650,000.00 a year).',
    );
    expect(strategyRow('Proprietary API strategy')[0]).toBe('$120,833.33');
    expect(screen.getByText(/^About this scenario: blog article, 2026/)).toBeInTheDocument();
  });

  it('the default scenario explains itself without a published source', () => {
    renderCalculator();
    const about = screen.getByText(/^About this scenario/);
    expect(about).toHaveTextContent(/^About this scenario$/);
    expect(about.closest('details')).toHaveTextContent(/150M tokens\/day growing 3% a month/);
  });
});

describe('the catalog pickers', () => {
  it('wait for the catalog, then choosing an API model fills its prices', async () => {
    renderCalculator();
    const picker = await apiModelPicker();
    expect(picker).toHaveValue('gpt-5');
    choose(picker, /^Claude Sonnet 4\.5 \(Anthropic\)/);
    expect(field('API pricing', 'Input price').box).toHaveValue('3');
    expect(field('API pricing', 'Output price').box).toHaveValue('15');
    expect(field('API pricing', 'Cached input price').box).toHaveValue('0.3');
    expect(field('API pricing', 'Batch discount').box).toHaveValue('50');
    expect(
      within(group('API pricing')).getByText(/^Anthropic list price, as of 2026-07-24/),
    ).toBeInTheDocument();
    // Picked values are the catalog's: not "changed".
    expect(within(group('API pricing')).queryByText('changed')).toBeNull();
    expect(strategyRow('GPT-5 API')[0]).not.toBe('$14,455.63');
  });

  it('choosing a self-hosting profile fills throughput, GPUs per replica and the GPU price', async () => {
    renderCalculator();
    const selfHosting = group('Self-hosting');
    const picker = await enabledPicker(selfHosting, 'Model and GPU');
    expect(picker).toHaveValue('llama-3.3-70b-fp8-h100x2');
    const profile = catalog.findProfile('llama-4-scout-fp8-h200x4');
    const gpu = catalog.findGpu(profile?.gpuId ?? '');
    if (!profile || !gpu) throw new Error('catalog entry missing');
    choose(picker, /^Llama 4 Scout .* on H200 .* x4/);
    expect(picker).toHaveValue(profile.id);
    const grouped = (v: string) => new Intl.NumberFormat().format(Number(v));
    expect(field('Self-hosting', 'GPUs per replica').box).toHaveValue('4');
    expect(field('Self-hosting', 'Prefill throughput').box).toHaveValue(
      grouped(profile.prefillTokensPerSec),
    );
    expect(field('Self-hosting', 'Decode throughput').box).toHaveValue(
      grouped(profile.decodeTokensPerSec),
    );
    expect(field('Self-hosting', 'GPU price').box).toHaveValue(gpu.onDemandHourly.value);
    expect(field('Self-hosting', 'Decode throughput').box).toHaveAccessibleDescription(
      expect.stringMatching(new RegExp(`^catalog, as of ${profile.asOf}`)),
    );
    expect(within(selfHosting).queryByText('changed')).toBeNull();
    expect(within(results()).getByRole('listitem')).toHaveTextContent(/GPUs/);
    expect(within(results()).getByRole('listitem')).toHaveTextContent(/^Llama 4 Scout/);
  });
});

describe('GPU pricing mode', () => {
  it('"Bought" shows purchase, amortization, residual, power and hosting fields', () => {
    renderCalculator();
    const selfHosting = group('Self-hosting');
    const mode = within(selfHosting).getByRole('combobox', { name: 'GPU pricing' });
    expect(mode).toHaveValue('hourly');
    choose(mode, 'Bought');
    expect(mode).toHaveValue('buy');
    expect(within(selfHosting).queryByRole('textbox', { name: 'GPU price' })).toBeNull();
    for (const [label, value] of [
      ['Purchase price', '30,000'],
      ['Amortization', '36'],
      ['Residual value', '20'],
      ['Power', '1.275'],
      ['PUE', '1.3'],
      ['Electricity', '0.08'],
      ['Hosting', '100'],
    ] as const) {
      const { box, slider } = field('Self-hosting', label);
      expect(box).toHaveValue(value);
      expect(slider).toBeInTheDocument();
    }
    expect(strategyRow('Self-hosted Llama 3.3 70B')[0]).not.toBe('$22,280.80');
  });

  it('"Committed per month" shows a monthly price: the catalog GPU\'s hourly quote x 730 hours', async () => {
    renderCalculator();
    await enabledPicker(group('Self-hosting'), 'GPU');
    choose(
      within(group('Self-hosting')).getByRole('combobox', { name: 'GPU pricing' }),
      'Committed per month',
    );
    // The deployment's GPU is the catalog H100 at $3.99 an hour on demand: 3.99 x 730.
    expect(field('Self-hosting', 'GPU price').box).toHaveValue('2,912.7');
    // Storage and monitoring per GPU are per GPU-month too.
    expect(within(group('Self-hosting')).getAllByText('USD per GPU-month')).toHaveLength(3);
    expect(within(group('Self-hosting')).queryByText('USD per GPU-hour')).toBeNull();
  });
});

/**
 * Opens "Show the math" as a person does: clicks every closed disclosure in it (the tables are
 * rendered only once opened) until all are open.
 */
async function openMath(): Promise<HTMLElement> {
  const math = screen.getByRole('region', { name: 'Show the math' });
  for (let round = 0; round < 5; round++) {
    const closed = [...math.querySelectorAll('details:not([open]) > summary')];
    if (closed.length === 0) break;
    for (const summary of closed) fireEvent.click(summary);
    await waitFor(() => expect(closed[0]?.parentElement).toHaveAttribute('open'));
  }
  await within(math).findByText('GPT-5 API: $14,455.63 a month', {}, { timeout: 2000 });
  return math;
}

/** The formula, the numbers and the result of one line of the math. */
function mathRow(math: HTMLElement, name: string | RegExp): (string | null)[] {
  const header = within(math).getByRole('rowheader', { name });
  return within(header.closest('tr') as HTMLElement)
    .getAllByRole('cell')
    .map((c) => c.textContent);
}

describe('show the math', () => {
  it('lists every line with its formula, the numbers and the result', async () => {
    renderCalculator();
    const math = await openMath();
    expect(within(math).getByText('Self-hosted Llama 3.3 70B: $22,280.80 a month')).toBeVisible();
    expect(mathRow(math, 'Customer-support assistant: effective price per 1M tokens')).toEqual([
      expect.stringContaining('input share × (1 − cached) × input'),
      '(0.8 × 0.7 × 1.25 + 0.8 × 0.3 × 0.125 + 0.2 × 10) × 1',
      '$2.73',
    ]);
    expect(mathRow(math, 'Customer-support assistant: API usage')).toEqual([
      'tokens per month / 1,000,000 × price per 1M',
      '4,562,500,000 / 1,000,000 × 2.73',
      '$12,455.63',
    ]);
    expect(mathRow(math, 'Replicas')).toEqual([
      expect.stringContaining('ceil'),
      'max(2, ceil(max(0.521648, 0.231843) / 0.6))',
      '2',
    ]);
    expect(mathRow(math, 'GPUs')).toEqual(['replicas × GPUs per replica', '2 × 2', '4']);
    expect(mathRow(math, 'GPU cost')).toEqual([
      'GPUs × price per GPU-hour × hours per month',
      '4 × 3.99 × 730',
      '$11,650.80',
    ]);
    // Against the baseline: savings, break-even with both costs at that volume, payback, NPV.
    expect(math).toHaveTextContent(
      "Savings at today's volume = GPT-5 API $14,455.63 − Self-hosted Llama 3.3 70B $22,280.80 = -$7,825.18 a month.",
    );
    expect(math).toHaveTextContent(
      /Break-even: every workload scaled by 1\.62824 gives 244,236,640 tokens\/day/,
    );
    expect(math).toHaveTextContent(/Payback: .* month 34 \(/);
    expect(math).toHaveTextContent('NPV of savings = $751,587.08 − $747,179.97 = $4,407.11.');
  });

  it('follows the inputs', async () => {
    renderCalculator();
    typeInto(field('Self-hosting', 'GPU price').box, '2');
    const math = await openMath();
    expect(mathRow(math, 'GPU cost')).toEqual([
      'GPUs × price per GPU-hour × hours per month',
      '4 × 2 × 730',
      '$5,840.00',
    ]);
  });
});
