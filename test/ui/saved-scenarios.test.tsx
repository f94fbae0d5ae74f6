/**
 * Saved scenarios in the browser and the side-by-side comparison, through the dialog as a person
 * uses it, with `window.localStorage` replaced by a fake: working, blocked (the getter throws a
 * SecurityError, as in a sandboxed iframe), full, or holding damaged data.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Calculator } from '../../src/app/Calculator';
import SavedScenariosDialog from '../../src/ui/tools/SavedScenariosDialog';
import { createCalculatorStore } from '../../src/state/calculator-store';
import type { CalculatorInputs, CalculatorStore } from '../../src/state/calculator-store';
import { CalculatorStoreContext } from '../../src/state/store-context';
import { inputsFromPreset } from '../../src/state/inputs-from-preset';
import { SAVED_FORMAT, SAVED_SCENARIOS_KEY } from '../../src/state/saved-scenarios';
import { DEFAULT_PRESET } from '../../src/scenario/presets';
import { validateScenario } from '../../src/scenario/validate-scenario';
import type { ScenarioDoc } from '../../src/scenario/document';
import { evaluateModel } from '../../src/core/evaluate';
import { Dec } from '../../src/core/decimal';
import { openSafeStorage } from '../../src/platform/storage/safe-storage';
import { compareInputs, matchItems, signedMoney } from '../../src/ui/tools/compare-scenarios';
import { WORKED_EXAMPLE } from '../core/worked-example';

// vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(cleanup);
vi.setConfig({ testTimeout: 15_000 });

/** An in-memory Storage; `full` makes every write fail as a full quota does. */
class FakeStorage implements Storage {
  readonly data = new Map<string, string>();
  full = false;
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.data.set(key, String(value));
  }
}

const original = Object.getOwnPropertyDescriptor(window, 'localStorage');
let storage: FakeStorage;

function installStorage(get: () => Storage) {
  Object.defineProperty(window, 'localStorage', { configurable: true, get });
}
const securityError = () => new DOMException('The operation is insecure.', 'SecurityError');

beforeEach(() => {
  storage = new FakeStorage();
  installStorage(() => storage);
});
afterEach(() => {
  if (original) Object.defineProperty(window, 'localStorage', original);
  else delete (window as { localStorage?: Storage }).localStorage;
});

function docOf(input: unknown): ScenarioDoc {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.document;
}
const WORKED = docOf(WORKED_EXAMPLE);

function inputsOf(doc: ScenarioDoc): CalculatorInputs {
  return { doc, validDoc: doc, origin: { presetId: null, loaded: doc, catalogRefs: {} } };
}

/** The dialog alone, over a fresh store (the toolbar's lazy loading is tested at the end). */
function renderDialog(inputs: CalculatorInputs = inputsOf(WORKED)): {
  store: CalculatorStore;
  onClose: () => void;
} {
  const store = createCalculatorStore(inputs);
  const onClose = vi.fn();
  render(
    <CalculatorStoreContext.Provider value={store}>
      <SavedScenariosDialog onClose={onClose} />
    </CalculatorStoreContext.Provider>,
  );
  return { store, onClose };
}

/** What is stored under the key, parsed. */
function storedEntries(): { id: string; name: string; savedAt: string; scenario: unknown }[] {
  const text = storage.getItem(SAVED_SCENARIOS_KEY);
  if (text === null) return [];
  const parsed = JSON.parse(text) as { format: string; version: number; entries: never[] };
  expect(parsed.format).toBe(SAVED_FORMAT);
  expect(parsed.version).toBe(1);
  return parsed.entries;
}

const nameField = () => screen.getByRole('textbox', { name: 'Name' });
const saveButton = () => screen.getByRole('button', { name: 'Save current scenario' });

function saveAs(name: string) {
  fireEvent.change(nameField(), { target: { value: name } });
  fireEvent.click(saveButton());
}

/** The names in the list, in order. */
function listedNames(): string[] {
  const list = screen.queryByRole('list', { name: 'Saved scenarios' });
  if (!list) return [];
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.saved-name, .saved-rename input'))
    .map((el) => (el instanceof HTMLInputElement ? el.value : (el?.textContent ?? '')));
}

const actions = (name: string) => screen.getByRole('group', { name: `Actions for ${name}` });
const action = (name: string, button: string) =>
  within(actions(name)).getByRole('button', { name: button });

function setVolume(store: CalculatorStore, tokensPerDay: string) {
  act(() => store.getState().setField(['workloads', 0, 'tokensPerDay'], tokensPerDay));
}

describe('saving, renaming, duplicating, deleting and opening', () => {
  it('saves the current scenario under the name given, defaulting to its own name', () => {
    const { store } = renderDialog();
    expect(screen.getByRole('dialog', { name: 'Saved scenarios' })).toBeInTheDocument();
    expect(nameField()).toHaveValue('DESIGN 3.6a worked example');
    expect(screen.getByText('No saved scenarios yet.')).toBeInTheDocument();

    saveAs('  Plan A  ');
    expect(screen.getByRole('status')).toHaveTextContent('Saved “Plan A”.');
    expect(listedNames()).toEqual(['Plan A']);
    const [entry] = storedEntries();
    expect(entry?.name).toBe('Plan A');
    expect(entry?.scenario).toEqual(store.getState().validDoc);
    expect(Date.parse(entry?.savedAt ?? '')).not.toBeNaN();
    expect(screen.getByText(/^saved /, { selector: 'time' })).toHaveAttribute(
      'datetime',
      entry?.savedAt,
    );
    // The name field goes back to following the scenario's name.
    expect(nameField()).toHaveValue('DESIGN 3.6a worked example');
  });

  it('refuses an empty name', () => {
    renderDialog();
    saveAs('   ');
    expect(screen.getByRole('alert')).toHaveTextContent('A name needs 1 to 120 characters.');
    expect(storedEntries()).toEqual([]);
  });

  it('saves the last valid inputs when a field holds invalid text, and says so', () => {
    const { store } = renderDialog();
    act(() => store.getState().setField(['workloads', 0, 'inputShare'], '1.5x'));
    saveAs('Half typed');
    expect(screen.getByRole('status')).toHaveTextContent('The field marked in red was not saved');
    expect(storedEntries()[0]?.scenario).toEqual(WORKED);
  });

  it('renames in place: Enter keeps the name, Escape leaves it (and the dialog) open', () => {
    const { onClose } = renderDialog();
    saveAs('Plan A');

    fireEvent.click(action('Plan A', 'Rename'));
    const box = screen.getByRole('textbox', { name: 'New name for Plan A' });
    expect(box).toHaveFocus();
    fireEvent.change(box, { target: { value: 'Something else' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
    expect(listedNames()).toEqual(['Plan A']);
    expect(action('Plan A', 'Rename')).toHaveFocus();

    fireEvent.click(action('Plan A', 'Rename'));
    const again = screen.getByRole('textbox', { name: 'New name for Plan A' });
    fireEvent.change(again, { target: { value: '' } });
    fireEvent.submit(again.closest('form') as HTMLFormElement);
    expect(screen.getByRole('alert')).toHaveTextContent('A name needs 1 to 120 characters.');
    expect(again).toHaveAttribute('aria-invalid', 'true');

    fireEvent.change(again, { target: { value: ' Plan B ' } });
    // Enter in the field submits its form.
    fireEvent.submit(again.closest('form') as HTMLFormElement);
    expect(listedNames()).toEqual(['Plan B']);
    expect(storedEntries().map((e) => e.name)).toEqual(['Plan B']);
    expect(action('Plan B', 'Rename')).toHaveFocus();
  });

  it('duplicates as "… (copy)" just after the original', () => {
    renderDialog();
    saveAs('Old');
    saveAs('Plan B');
    fireEvent.click(action('Plan B', 'Duplicate'));
    expect(listedNames()).toEqual(['Plan B', 'Plan B (copy)', 'Old']);
    const [original, copy] = storedEntries();
    expect(copy?.name).toBe('Plan B (copy)');
    expect(copy?.id).not.toBe(original?.id);
    expect(copy?.scenario).toEqual(original?.scenario);
  });

  it('deletes without a confirmation box, and Undo delete puts it back in place', () => {
    renderDialog();
    saveAs('C');
    saveAs('B');
    saveAs('A');
    fireEvent.click(action('B', 'Delete'));
    expect(listedNames()).toEqual(['A', 'C']);
    expect(storedEntries().map((e) => e.name)).toEqual(['A', 'C']);
    const undo = screen.getByRole('button', { name: 'Undo delete' });
    expect(screen.getByRole('status')).toHaveTextContent('Deleted “B”.');
    expect(undo).toHaveFocus();
    fireEvent.click(undo);
    expect(listedNames()).toEqual(['A', 'B', 'C']);
    expect(storedEntries().map((e) => e.name)).toEqual(['A', 'B', 'C']);
    expect(screen.queryByRole('button', { name: 'Undo delete' })).toBeNull();
    // Focus goes back to where it was, not to the top of the page.
    expect(action('B', 'Delete')).toHaveFocus();
  });

  it('opens a saved scenario into the calculator as one undo step', () => {
    const { store } = renderDialog();
    saveAs('Plan A');
    setVolume(store, '70000000');
    const steps = store.temporal.getState().pastStates.length;

    fireEvent.click(action('Plan A', 'Open'));
    expect(store.getState().doc.workloads[0]?.tokensPerDay).toBe('50000000');
    expect(store.getState().origin).toEqual({ presetId: null, loaded: WORKED, catalogRefs: {} });
    expect(store.temporal.getState().pastStates).toHaveLength(steps + 1);
    expect(screen.getByRole('status')).toHaveTextContent('Opened “Plan A”.');

    act(() => store.temporal.getState().undo());
    expect(store.getState().doc.workloads[0]?.tokensPerDay).toBe('70000000');
  });

  it('keeps the list across visits, with catalog references', () => {
    const inputs = inputsFromPreset(DEFAULT_PRESET);
    renderDialog(inputs);
    saveAs('Default');
    cleanup();
    const { store } = renderDialog();
    expect(listedNames()).toEqual(['Default']);
    fireEvent.click(action('Default', 'Open'));
    expect(store.getState().doc).toEqual(inputs.doc);
    expect(store.getState().origin.catalogRefs).toEqual(DEFAULT_PRESET.catalogRefs);
  });

  it('sees a change made in another tab', () => {
    renderDialog();
    saveAs('Mine');
    const fromOtherTab = JSON.parse(storage.getItem(SAVED_SCENARIOS_KEY) ?? '{}') as {
      entries: { name: string }[];
    };
    fromOtherTab.entries.push({ ...fromOtherTab.entries[0], id: 'other', name: 'Theirs' } as never);
    storage.data.set(SAVED_SCENARIOS_KEY, JSON.stringify(fromOtherTab));
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: SAVED_SCENARIOS_KEY }));
    });
    expect(listedNames()).toEqual(['Mine', 'Theirs']);
    // A save applies to the list as stored now, so it does not drop the other tab's entry.
    saveAs('Mine too');
    expect(storedEntries().map((e) => e.name)).toEqual(['Mine too', 'Mine', 'Theirs']);
  });
});

describe('when storage cannot be used', () => {
  const BLOCKED =
    'Saving needs browser storage, which this page cannot use here (for example inside an embedded frame or private mode). Use Copy link or export a file instead.';

  it('says so in a sentence when reading localStorage throws a SecurityError', () => {
    installStorage(() => {
      throw securityError();
    });
    renderDialog();
    expect(screen.getByText(BLOCKED)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save current scenario' })).toBeNull();
  });

  it('says so when the storage object exists but every access throws', () => {
    const blocked = new FakeStorage();
    blocked.getItem = () => {
      throw securityError();
    };
    installStorage(() => blocked);
    renderDialog();
    expect(screen.getByText(BLOCKED)).toBeInTheDocument();
  });

  it('leaves the rest of the calculator working, opened from the toolbar', async () => {
    installStorage(() => {
      throw securityError();
    });
    render(<Calculator initial={inputsFromPreset(DEFAULT_PRESET)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Saved scenarios' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Saved scenarios' },
      { timeout: 5_000 },
    );
    expect(within(dialog).getByText(BLOCKED)).toBeInTheDocument();
    expect(screen.getByText(/is cheaper today by/)).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Saved scenarios' })).toBeNull();
  });

  it('reports a storage that starts refusing while the dialog is open', () => {
    let blocked = false;
    installStorage(() => {
      if (blocked) throw securityError();
      return storage;
    });
    renderDialog();
    blocked = true;
    saveAs('Late');
    expect(screen.getByText(BLOCKED)).toBeInTheDocument();
  });

  it('the adapter never throws and reports availability', () => {
    const throwing = openSafeStorage(() => {
      throw securityError();
    });
    expect(throwing.available).toBe(false);
    expect(throwing.get('k')).toEqual({ ok: false });
    expect(throwing.set('k', 'v')).toEqual({ ok: false, reason: 'unavailable' });
    expect(throwing.remove('k')).toBe(false);
    expect(openSafeStorage(() => null).available).toBe(false);
    const fake = new FakeStorage();
    const working = openSafeStorage(() => fake);
    expect(working.available).toBe(true);
    expect(working.set('k', 'v')).toEqual({ ok: true });
    expect(working.get('k')).toEqual({ ok: true, value: 'v' });
    expect(working.remove('k')).toBe(true);
    fake.full = true;
    expect(working.set('k', 'v')).toEqual({ ok: false, reason: 'quota' });
  });
});

describe('a full quota', () => {
  it('gives a clear message and changes nothing', () => {
    renderDialog();
    saveAs('Kept');
    const before = storage.getItem(SAVED_SCENARIOS_KEY);
    storage.full = true;
    saveAs('Too much');
    expect(screen.getByRole('alert')).toHaveTextContent(
      "Not saved: this browser's storage for the page is full. Delete saved scenarios you no longer need",
    );
    expect(listedNames()).toEqual(['Kept']);
    fireEvent.click(action('Kept', 'Duplicate'));
    expect(listedNames()).toEqual(['Kept']);
    expect(storage.getItem(SAVED_SCENARIOS_KEY)).toBe(before);
    // Deleting frees room; until then the list is as it was.
    storage.full = false;
    saveAs('Now it fits');
    expect(listedNames()).toEqual(['Now it fits', 'Kept']);
  });
});

describe('damaged stored data', () => {
  const entry = (id: string, name: string, scenario: unknown = WORKED_EXAMPLE) => ({
    id,
    name,
    savedAt: '2026-05-01T09:00:00.000Z',
    scenario,
    catalogRefs: {},
  });

  it('skips a hand-edited entry with a message naming it, keeps it, and removes it on request', () => {
    const broken = entry('b', 'Broken', { ...WORKED_EXAMPLE, currency: 'dollars' });
    storage.setItem(
      SAVED_SCENARIOS_KEY,
      JSON.stringify({
        format: SAVED_FORMAT,
        version: 1,
        entries: [entry('a', 'Alpha'), broken, entry('c', 'Gamma')],
      }),
    );
    renderDialog();
    expect(listedNames()).toEqual(['Alpha', 'Gamma']);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'Saved entry 2 ("Broken") was skipped: its scenario is invalid',
    );
    expect(alert).toHaveTextContent('currency');

    saveAs('New');
    expect(listedNames()).toEqual(['New', 'Alpha', 'Gamma']);
    const kept = storedEntries();
    expect(kept).toHaveLength(4);
    expect(kept[2]).toEqual(broken);

    fireEvent.click(screen.getByRole('button', { name: 'Remove the unreadable saved data' }));
    expect(storedEntries().map((e) => e.name)).toEqual(['New', 'Alpha', 'Gamma']);
    expect(screen.queryByText(/was skipped/)).toBeNull();
    expect(nameField()).toHaveFocus();
  });

  it('does not overwrite stored text it cannot read until asked', () => {
    storage.setItem(SAVED_SCENARIOS_KEY, '{"format":"llm-tco-saved-scen');
    renderDialog();
    expect(screen.getByRole('alert')).toHaveTextContent('not readable as JSON');
    expect(saveButton()).toBeDisabled();
    expect(storage.getItem(SAVED_SCENARIOS_KEY)).toBe('{"format":"llm-tco-saved-scen');
    fireEvent.click(screen.getByRole('button', { name: 'Remove the unreadable saved data' }));
    expect(saveButton()).toBeEnabled();
    saveAs('Fresh start');
    expect(storedEntries().map((e) => e.name)).toEqual(['Fresh start']);
  });

  it('leaves a list from a newer version alone', () => {
    const newer = JSON.stringify({ format: SAVED_FORMAT, version: 9, entries: [] });
    storage.setItem(SAVED_SCENARIOS_KEY, newer);
    renderDialog();
    expect(screen.getByRole('alert')).toHaveTextContent('newer version');
    expect(saveButton()).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Remove the unreadable saved data' })).toBeNull();
    expect(storage.getItem(SAVED_SCENARIOS_KEY)).toBe(newer);
  });
});

describe('comparing two scenarios', () => {
  /** The worked example at 50M tokens/day (A) and at 100M (B), saved in that order. */
  function savedPair() {
    const result = renderDialog();
    saveAs('Small');
    setVolume(result.store, '100000000');
    saveAs('Large');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Choose Small for comparison' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Choose Large for comparison' }));
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    return result;
  }

  const resultsTable = () =>
    within(screen.getByRole('region', { name: 'Results of A and B' })).getByRole('table');
  const inputsTable = () =>
    within(screen.getByRole('region', { name: 'Inputs of A and B' })).getByRole('table');

  /** A row of a table: its label cell's element and the texts of its value cells. */
  function row(table: HTMLElement, section: string, label: string) {
    const group = within(table).getByText(section, { selector: 'th' }).closest('tbody');
    const header = within(group as HTMLElement).getByText(
      new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      {
        selector: 'th',
      },
    );
    const tr = header.closest('tr') as HTMLElement;
    return {
      tr,
      cells: within(tr)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    };
  }

  it('shows results for A and B and the exact difference B − A, to the cent', () => {
    savedPair();
    expect(screen.getByRole('heading', { name: 'Comparison' })).toHaveFocus();
    expect(screen.getByRole('dialog', { name: 'Saved scenarios' })).toHaveClass('wide');
    expect(screen.getAllByText(/Strategies are matched by id\./)).toHaveLength(2);

    const table = resultsTable();
    const api = 'Strategy (baseline): all-api';
    // DESIGN 3.6a: the API costs 5,886.98 a month at 50M tokens/day; at 100M its usage doubles
    // (4,220.3125 more), the staff stays.
    const runRate = row(table, api, 'Run-rate, per month');
    expect(runRate.cells).toEqual(['$5,886.98', '$10,107.29', '+$4,220.31']);
    expect(runRate.tr).toHaveClass('differs');
    expect(runRate.tr).toHaveTextContent('differs');
    expect(row(table, api, 'NPV of cost').cells).toEqual([
      '$70,643.75',
      '$121,287.50',
      '+$50,643.75',
    ]);
    expect(row(table, api, 'Savings vs baseline').cells).toEqual(['baseline', 'baseline', '–']);

    const self = 'Strategy: self';
    const selfRunRate = row(table, self, 'Run-rate, per month');
    // One replica either way: self-hosting costs the same, and the row is not marked.
    expect(selfRunRate.cells).toEqual(['$10,668.33', '$10,668.33', '$0.00']);
    expect(selfRunRate.tr).not.toHaveClass('differs');
    expect(selfRunRate.tr).not.toHaveTextContent('differs');
    expect(row(table, self, 'Savings vs baseline, per month').cells).toEqual([
      '-$4,781.35',
      '-$561.04',
      '+$4,220.31',
    ]);
    expect(row(table, self, 'Break-even').cells).toEqual([
      '106,646,921 tokens/day',
      '106,646,921 tokens/day',
      '0 tokens/day',
    ]);
    expect(row(table, self, 'Payback').cells).toEqual([
      'not within the horizon',
      'not within the horizon',
      '–',
    ]);

    // Cost per 1M tokens: the difference of the exact values, rounded once.
    const perM = (tokensPerDay: string) => {
      const doc = { ...WORKED, workloads: [{ ...WORKED.workloads[0], tokensPerDay }] };
      const v = validateScenario(doc);
      if (!v.ok) throw new Error('invalid');
      return evaluateModel(v.scenario).strategies[0]?.costPerMTokens ?? '';
    };
    const exact = new Dec(perM('100000000')).minus(perM('50000000'));
    expect(exact.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2)).toBe('-0.55');
    expect(row(table, api, 'Cost per 1M tokens').cells).toEqual(['$3.87', '$3.32', '-$0.55']);
  });

  it('marks differing inputs in words and can show only them', () => {
    savedPair();
    const table = inputsTable();
    const workload = 'Workload: w';
    const volume = row(table, workload, 'Volume');
    expect(volume.cells).toEqual(['50,000,000 tokens/day', '100,000,000 tokens/day']);
    expect(volume.tr).toHaveClass('differs');
    expect(within(volume.tr).getByText('differs')).toBeInTheDocument();
    const share = row(table, workload, 'Input share');
    expect(share.cells).toEqual(['80% of tokens', '80% of tokens']);
    expect(share.tr).not.toHaveClass('differs');
    expect(row(table, 'API option: api', 'Cached input price').cells).toEqual([
      '0.125 USD per 1M tokens',
      '0.125 USD per 1M tokens',
    ]);
    // Fields the inputs panel has no label for are named by their path or its words.
    expect(row(table, 'Self-hosted option: h100', 'Engineers (from 0 tokens/day)').cells).toEqual([
      '0.5 FTE',
      '0.5 FTE',
    ]);
    expect(row(table, 'Self-hosted option: h100', 'gpu.name').cells).toEqual(['GPU', 'GPU']);
    expect(row(table, 'Strategy: self', 'Share of w on h100').cells).toEqual([
      '100% of workload',
      '100% of workload',
    ]);

    const total = within(table).getAllByRole('row').length;
    expect(screen.getByText(/^1 of \d+ inputs differ\.$/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show only inputs that differ' }));
    const filtered = inputsTable();
    expect(within(filtered).getAllByRole('row').length).toBeLessThan(total);
    expect(within(filtered).getByText(/^Volume/, { selector: 'th' })).toBeInTheDocument();
    expect(within(filtered).queryByText(/^Input share/, { selector: 'th' })).toBeNull();
  });

  it('swaps A and B, which flips the sign of every difference', () => {
    savedPair();
    fireEvent.click(screen.getByRole('button', { name: 'Swap A and B' }));
    const runRate = row(resultsTable(), 'Strategy (baseline): all-api', 'Run-rate, per month');
    expect(runRate.cells).toEqual(['$10,107.29', '$5,886.98', '-$4,220.31']);
  });

  it('closes the comparison and gives focus back', () => {
    savedPair();
    fireEvent.click(screen.getByRole('button', { name: 'Close comparison' }));
    expect(screen.queryByRole('heading', { name: 'Comparison' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Compare' })).toHaveFocus();
    expect(screen.getByRole('dialog', { name: 'Saved scenarios' })).not.toHaveClass('wide');
  });

  it('allows at most two choices', () => {
    const { store } = renderDialog();
    saveAs('One');
    setVolume(store, '60000000');
    saveAs('Two');
    const current = screen.getByRole('checkbox', {
      name: 'Choose the current scenario for comparison',
    });
    fireEvent.click(current);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Choose One for comparison' }));
    expect(screen.getByRole('checkbox', { name: 'Choose Two for comparison' })).toBeDisabled();
    expect(screen.getByText('2 of 2 chosen')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    // The current scenario, chosen first, is A.
    expect(screen.getByText('Current scenario (on screen)')).toBeInTheDocument();
    const volume = row(inputsTable(), 'Workload: w', 'Volume');
    expect(volume.cells).toEqual(['60,000,000 tokens/day', '50,000,000 tokens/day']);
  });

  it('compares a saved scenario with the current one, pairing by position when no id is shared', () => {
    const { store } = renderDialog();
    saveAs('Worked');
    act(() => store.getState().load(inputsFromPreset(DEFAULT_PRESET)));
    fireEvent.click(action('Worked', 'Compare with current'));
    expect(
      screen.getAllByText(/Strategies share no id, so they are matched by position/),
    ).toHaveLength(2);
    expect(screen.getByText(/^Workloads share no id/)).toBeInTheDocument();
    const table = inputsTable();
    const volume = row(table, 'Workload: w / Customer-support assistant', 'Volume');
    expect(volume.cells).toEqual(['50,000,000 tokens/day', '150,000,000 tokens/day']);
    // The current scenario follows the store: an edit shows at once.
    setVolume(store, '151000000');
    expect(row(inputsTable(), 'Workload: w / Customer-support assistant', 'Volume').cells[1]).toBe(
      '151,000,000 tokens/day',
    );
  });
});

describe('comparison helpers', () => {
  it('pairs by id, unpaired items alone, and by position only when no id is shared', () => {
    const a = [{ id: 'x' }, { id: 'y' }];
    expect(matchItems(a, [{ id: 'z' }, { id: 'x' }])).toEqual({
      matching: 'id',
      pairs: [
        { a: { id: 'x' }, b: { id: 'x' } },
        { a: { id: 'y' }, b: undefined },
        { a: undefined, b: { id: 'z' } },
      ],
    });
    expect(matchItems(a, [{ id: 'p' }])).toEqual({
      matching: 'position',
      pairs: [
        { a: { id: 'x' }, b: { id: 'p' } },
        { a: { id: 'y' }, b: undefined },
      ],
    });
  });

  it('rounds a money difference once, half away from zero, with no sign on zero', () => {
    expect(signedMoney('4220.3125', 'USD', 'en-US')).toBe('+$4,220.31');
    expect(signedMoney('-0.005', 'USD', 'en-US')).toBe('-$0.01');
    expect(signedMoney('0.004', 'USD', 'en-US')).toBe('$0.00');
    expect(signedMoney('-0.004', 'USD', 'en-US')).toBe('$0.00');
    expect(signedMoney('1234.5', 'JPY', 'en-US')).toBe('+¥1,235');
  });

  it('compares numbers by value, not by their text', () => {
    const b = { ...WORKED, settings: { ...WORKED.settings, fteCostPerYear: '200000.00' } };
    const rows = compareInputs(WORKED, b).sections.flatMap((s) => s.rows);
    expect(rows.filter((r) => r.differs)).toEqual([]);
  });

  it("gives each row A's field path and stored value", () => {
    const rows = compareInputs(WORKED, WORKED).sections.flatMap((s) => s.rows);
    const at = (path: string) => rows.find((r) => r.path?.join('.') === path);
    expect(at('workloads.0.inputShare')).toMatchObject({ label: 'Input share', raw: '0.8' });
    expect(at('settings.daysPerYear')).toMatchObject({ label: 'Calendar', raw: '365' });
    expect(at('options.1.gpu.hourlyPerGpu')).toMatchObject({ label: 'GPU price', raw: '2.5' });
    expect(at('options.1.engineeringFte.0.fte')).toMatchObject({ raw: '0.5' });
    expect(at('strategies.1.routes.0.share')).toMatchObject({ label: 'Share of w on h100' });
    const onlyInB = compareInputs({ ...WORKED, workloads: [] }, WORKED).sections.find(
      (s) => s.title === 'Workload: w (only in B)',
    );
    expect(onlyInB?.rows.every((r) => r.path === undefined && r.a === null)).toBe(true);
  });

  it('lists the fields of both GPU pricing modes when they differ', () => {
    const self = WORKED.options[1];
    if (self?.kind !== 'selfHost') throw new Error('expected a self-hosted option');
    const b: ScenarioDoc = {
      ...WORKED,
      options: [
        WORKED.options[0] as ScenarioDoc['options'][number],
        { ...self, gpu: { mode: 'monthly', name: 'GPU', monthlyPerGpu: '1825' } },
      ],
    };
    const rows = compareInputs(WORKED, b).sections.find(
      (s) => s.title === 'Self-hosted option: h100',
    )?.rows;
    const byLabel = (label: string) => rows?.find((r) => r.label === label);
    expect(byLabel('GPU pricing')).toMatchObject({
      a: 'Rented by the hour',
      b: 'Committed per month',
      differs: true,
    });
    expect(rows?.filter((r) => r.label === 'GPU price').map((r) => [r.a, r.b])).toEqual([
      ['2.5 USD per GPU-hour', null],
      [null, '1,825 USD per GPU-month'],
    ]);
  });
});

describe('from the toolbar', () => {
  it('loads the dialog when asked, and Open changes the inputs on screen', async () => {
    render(<Calculator initial={inputsFromPreset(DEFAULT_PRESET)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Saved scenarios' }));
    await screen.findByRole('dialog', { name: 'Saved scenarios' }, { timeout: 5_000 });
    saveAs('Baseline');
    const volume = () => screen.getByRole('textbox', { name: 'Volume' }) as HTMLInputElement;
    expect(volume().value).toBe('150,000,000');
    fireEvent.focus(volume());
    fireEvent.change(volume(), { target: { value: '200000000' } });
    fireEvent.blur(volume());
    expect(volume().value).toBe('200,000,000');
    fireEvent.click(action('Baseline', 'Open'));
    await waitFor(() => expect(volume().value).toBe('150,000,000'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(volume().value).toBe('200,000,000'));
  });
});
