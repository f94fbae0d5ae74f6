import { useEffect, useMemo, useState } from 'react';
import type { CalculatorInputs } from '../state/calculator-store';
import { createCalculatorStore } from '../state/calculator-store';
import { CalculatorStoreContext, useCalculator, useCalculatorStore } from '../state/store-context';
import { EvaluationProvider } from '../ui/evaluation-context';
import { Headline } from '../ui/Headline';
import { InputsPanel } from '../ui/InputsPanel';
import { ShowMath } from '../ui/ShowMath';
import { StickySummary } from '../ui/StickySummary';
import { Toolbar } from '../ui/Toolbar';
import { LinkNoticeBanner } from '../ui/LinkNoticeBanner';
import type { LinkNotice } from '../state/inputs-from-link';
import { LinkSync } from './LinkSync';
import { listenForUndoRedo } from '../platform/keyboard';
import { Charts } from '../ui/charts/Charts';
import { applyTheme, systemTheme, watchSystemTheme } from '../platform/theme';
import type { Theme } from '../platform/theme';

/** The calculator: one store, derived results, inputs beside results and charts. */
export function Calculator({
  initial,
  notice = null,
  syncLink = false,
}: {
  initial: CalculatorInputs;
  /** What was wrong with the link that opened the page, if anything. */
  notice?: LinkNotice;
  /** Keep the address bar's fragment on the scenario (the standalone page, not tests). */
  syncLink?: boolean;
}) {
  const store = useMemo(() => createCalculatorStore(initial), [initial]);
  const [shownNotice, setShownNotice] = useState<LinkNotice>(notice);
  return (
    <CalculatorStoreContext.Provider value={store}>
      <EvaluationProvider>
        {syncLink && <LinkSync onNotice={setShownNotice} />}
        <CalculatorLayout notice={shownNotice} onDismissNotice={() => setShownNotice(null)} />
      </EvaluationProvider>
    </CalculatorStoreContext.Provider>
  );
}

function CalculatorLayout({
  notice,
  onDismissNotice,
}: {
  notice: LinkNotice;
  onDismissNotice: () => void;
}) {
  const store = useCalculatorStore();
  const currency = useCalculator((s) => s.doc.currency);
  const [chosenTheme, setChosenTheme] = useState<Theme | null>(null);
  const [system, setSystem] = useState<Theme>(systemTheme);
  const theme = chosenTheme ?? system;

  useEffect(() => watchSystemTheme(setSystem), []);
  useEffect(() => applyTheme(chosenTheme), [chosenTheme]);
  useEffect(
    () =>
      listenForUndoRedo({
        undo: () => store.temporal.getState().undo(),
        redo: () => store.temporal.getState().redo(),
      }),
    [store],
  );

  return (
    <div className="app">
      <header className="app-header">
        <h1>Self-host open-weight LLMs, or pay per token?</h1>
        <Toolbar
          theme={theme}
          onToggleTheme={() => setChosenTheme(theme === 'dark' ? 'light' : 'dark')}
        />
      </header>
      <LinkNoticeBanner notice={notice} onDismiss={onDismissNotice} />
      <main className="layout">
        <StickySummary currency={currency} />
        <section className="inputs-column" aria-labelledby="inputs-heading">
          <h2 id="inputs-heading" className="visually-hidden">
            Inputs
          </h2>
          <InputsPanel />
        </section>
        <section className="results-column" aria-label="Results and charts">
          <Headline currency={currency} />
          <Charts currency={currency} />
          <ShowMath currency={currency} />
        </section>
      </main>
      <footer className="app-footer">
        <p>
          Runs entirely in your browser: nothing you enter is sent anywhere. Prices and throughput
          come from the catalogs in the project, each with its source and date.
        </p>
      </footer>
    </div>
  );
}
