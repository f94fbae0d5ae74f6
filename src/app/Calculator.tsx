import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { CalculatorInputs } from '../state/calculator-store';
import { createCalculatorStore } from '../state/calculator-store';
import { CalculatorStoreContext, useCalculator, useCalculatorStore } from '../state/store-context';
import { EvaluationProvider } from '../ui/evaluation-context';
import { Headline } from '../ui/Headline';
import { InputsPanel } from '../ui/InputsPanel';
import { ShowMath } from '../ui/ShowMath';
import { StickySummary } from '../ui/StickySummary';
import { Toolbar } from '../ui/Toolbar';
import type { LinkNotice } from '../state/inputs-from-link';
import { LinkSync } from './LinkSync';
import { listenForUndoRedo } from '../platform/keyboard';
import { Charts } from '../ui/charts/Charts';
import { NoticeContext, useShowNotice } from '../ui/notice-context';
import { loadedPrintMemo, preloadPrintMemo } from '../ui/print-memo-loader';
import { listenForFileDrop } from '../platform/file-drop';
import { listenForPrint } from '../platform/print';
import { onFirstInteraction } from '../platform/first-interaction';
import { applyTheme, systemTheme, watchSystemTheme } from '../platform/theme';
import type { Theme } from '../platform/theme';

/** The calculator: one store, derived results, inputs beside results and charts. */
// The strategy comparison (issue 5) is its own chunk, fetched for portfolio scenarios.
const StrategyComparison = lazy(() => import('../ui/portfolio/StrategyComparison'));
// What was wrong with a link or file: a chunk of its own, fetched only when there is a notice.
const LinkNoticeBanner = lazy(() => import('../ui/LinkNoticeBanner'));
// Sensitivity and goal seek (issue 6): a chunk of its own; the work itself runs in a worker.
const AnalysesSection = lazy(() => import('../ui/analyses/AnalysesSection'));

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
        <NoticeContext.Provider value={setShownNotice}>
          {syncLink && <LinkSync onNotice={setShownNotice} />}
          <CalculatorLayout notice={shownNotice} onDismissNotice={() => setShownNotice(null)} />
        </NoticeContext.Provider>
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
  // A portfolio (several workloads, or more than one alternative) gets the comparison view.
  const portfolio = useCalculator(
    (s) => s.validDoc.workloads.length > 1 || s.validDoc.strategies.length > 2,
  );
  const comparable = useCalculator((s) => s.validDoc.strategies.length > 1);
  const [chosenTheme, setChosenTheme] = useState<Theme | null>(null);
  const [system, setSystem] = useState<Theme>(systemTheme);
  const theme = chosenTheme ?? system;
  const [dragging, setDragging] = useState(false);
  const [printing, setPrinting] = useState(false);
  const showNotice = useShowNotice();

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

  // A scenario file dropped anywhere on the page opens like one chosen in the Files dialog.
  useEffect(
    () =>
      listenForFileDrop({
        onDragChange: setDragging,
        onDrop: (file) =>
          void import('../ui/tools/open-scenario-file').then(
            ({ openScenarioFile }) => openScenarioFile(file, store, showNotice),
            () =>
              showNotice({
                kind: 'error',
                message: 'The part of the calculator that reads files could not be loaded.',
                problems: [],
                kept: true,
                from: { kind: 'file', name: file.name },
              }),
          ),
      }),
    [store, showNotice],
  );
  // The print memo (assumptions with sources, formulas) renders only while printing; its code
  // arrives with the first interaction, ready for Ctrl/Cmd+P.
  useEffect(() => onFirstInteraction(() => void preloadPrintMemo()), []);
  useEffect(
    () =>
      listenForPrint({
        before: () => flushSync(() => setPrinting(true)),
        after: () => setPrinting(false),
      }),
    [],
  );
  const memo = printing ? loadedPrintMemo() : null;

  return (
    <div className="app">
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a scenario file (.json) to open it
        </div>
      )}
      <header className="app-header">
        <h1>Self-host open-weight LLMs, or pay per token?</h1>
        <Toolbar
          theme={theme}
          onToggleTheme={() => setChosenTheme(theme === 'dark' ? 'light' : 'dark')}
        />
      </header>
      {notice && (
        <Suspense fallback={null}>
          <LinkNoticeBanner notice={notice} onDismiss={onDismissNotice} />
        </Suspense>
      )}
      {memo && <memo.PrintMemoHead currency={currency} />}
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
          {portfolio && (
            <Suspense fallback={<p>Loading the comparison…</p>}>
              <StrategyComparison currency={currency} />
            </Suspense>
          )}
          <Charts currency={currency} exportable />
          {comparable && <DeferredAnalyses currency={currency} />}
          <ShowMath currency={currency} />
          {memo && <memo.PrintMemoMath currency={currency} />}
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

/**
 * Sensitivity and goal seek, loaded when their place scrolls into view (or on request): a reader
 * who never gets there downloads and computes nothing for them.
 */
function DeferredAnalyses({ currency }: { currency: string }) {
  const [shown, setShown] = useState(false);
  const slot = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = slot.current;
    if (shown || !el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((seen) => {
      if (seen.some((e) => e.isIntersecting)) setShown(true);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown]);
  return (
    <div ref={slot} className="analyses-slot">
      {shown ? (
        <Suspense fallback={<p>Loading the analyses…</p>}>
          <AnalysesSection currency={currency} />
        </Suspense>
      ) : (
        <button type="button" onClick={() => setShown(true)}>
          Show the analyses: sensitivity, goal seek, uncertainty
        </button>
      )}
    </div>
  );
}
