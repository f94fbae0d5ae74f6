import { render, screen, within } from '@testing-library/react';
import { createCalculatorStore } from '../../src/state/calculator-store';
import type { CalculatorInputs } from '../../src/state/calculator-store';
import { CalculatorStoreContext, useCalculator } from '../../src/state/store-context';
import { EvaluationProvider } from '../../src/ui/evaluation-context';
import { InputsPanel } from '../../src/ui/InputsPanel';
import { Headline } from '../../src/ui/Headline';
import { inputsFromPreset } from '../../src/state/inputs-from-preset';
import { DEFAULT_PRESET } from '../../src/scenario/presets';
import { validateScenario } from '../../src/scenario/validate-scenario';
import type { ScenarioDoc } from '../../src/scenario/document';
import { formatMoney } from '../../src/ui/format';
import { Dec } from '../../src/core/decimal';
import { evaluateModel } from '../../src/core/evaluate';

/** The headline in the scenario's current currency, as the app shows it. */
function LiveHeadline() {
  const currency = useCalculator((s) => s.doc.currency);
  return <Headline currency={currency} />;
}

/**
 * The inputs and the headline on a fresh store (the parts a change of currency touches; the full
 * calculator with its charts is the browser test's), the default preset unless given.
 */
export function renderInputs(initial: CalculatorInputs = inputsFromPreset(DEFAULT_PRESET)) {
  const store = createCalculatorStore(initial);
  const view = render(
    <CalculatorStoreContext.Provider value={store}>
      <EvaluationProvider>
        <LiveHeadline />
        <section aria-label="Inputs">
          <InputsPanel />
        </section>
      </EvaluationProvider>
    </CalculatorStoreContext.Provider>,
  );
  return { store, ...view };
}

/** An input group: the fieldset named by its legend. */
export function group(name: string): HTMLElement {
  const legend = screen.getByText(name, { selector: 'fieldset > legend' });
  return legend.parentElement as HTMLElement;
}

/** The cells of a strategy's row in the per-strategy table: per month, per 1M, NPV. */
export function strategyRow(name: string): string[] {
  const table = screen.getByRole('table', { name: /Per strategy/ });
  const header = within(table).getByRole('rowheader', { name });
  const row = header.closest('tr') as HTMLElement;
  return within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

/** The results of a document (validated first), from the engine the app runs. */
export function resultsOf(doc: ScenarioDoc) {
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return evaluateModel(v.scenario);
}

/** `amount` (decimal text) times `rate`, formatted as the app formats money in `currency`. */
export function times(amount: string, rate: string, currency: string): string {
  return formatMoney(new Dec(amount).mul(rate).toFixed(), currency);
}
