import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { useCalculator } from '../state/store-context';
import { currencyLabel } from './currency-names';
import type { CurrencyReport } from './currency-report';
import './currency.css';

// Most sessions stay in USD and never change currency: the rate fields, the change form and its
// report are downloads of their own (kept out of the first screen's chunk in vite.config.ts).
const changeModule = () => import('./CurrencyChange');
const CurrencyChange = lazy(() => changeModule().then((m) => ({ default: m.CurrencyChange })));
const ReportView = lazy(() =>
  import('./CurrencyReportView').then((m) => ({ default: m.CurrencyReportView })),
);
const FxFields = lazy(() => import('./CurrencyFxFields').then((m) => ({ default: m.FxFields })));

/**
 * The scenario's currency in the Finance group (issue 6 item 5): which currency every amount is
 * in; when not USD, the rate from USD that brings catalog prices (all in USD) over, with its date
 * and source as the user states them (the project has no rates of its own); and "Change
 * currency", which converts every amount exactly or, when the figures already are in the new
 * currency, relabels them. Changing the currency is never a silent relabel.
 */
export function CurrencySettings() {
  const currency = useCalculator((s) => s.doc.currency);
  const hasFx = useCalculator((s) => s.doc.fx !== undefined);
  const [changing, setChanging] = useState(false);
  const [report, setReport] = useState<CurrencyReport | null>(null);
  // After Cancel the focus goes back to the button that opened the form (after a change, the
  // report takes it).
  const [cancelled, setCancelled] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (cancelled && !changing) openRef.current?.focus();
  }, [cancelled, changing]);
  // A report stays while its currency is the scenario's (an undo takes it away).
  const shown = report && report.to === currency ? report : null;
  return (
    <div className="currency">
      <h3 className="subgroup">Currency</h3>
      <p className="currency-now">
        Every amount is in <strong>{currencyLabel(currency)}</strong>.
      </p>
      {shown && (
        <Suspense fallback={null}>
          <ReportView report={shown} onDismiss={() => setReport(null)} />
        </Suspense>
      )}
      {currency !== 'USD' && (
        <Suspense fallback={<p className="hint">Loading the rate…</p>}>
          <FxFields currency={currency} stated={hasFx} />
        </Suspense>
      )}
      {!changing && (
        <button
          type="button"
          className="currency-open"
          ref={openRef}
          onClick={() => {
            setCancelled(false);
            setChanging(true);
          }}
          // The form's code starts loading on intent, before the click.
          onPointerEnter={() => void changeModule().catch(() => undefined)}
          onFocus={() => void changeModule().catch(() => undefined)}
        >
          Change currency…
        </button>
      )}
      {changing && (
        <Suspense fallback={<p className="hint">Loading…</p>}>
          <CurrencyChange
            onDone={(next) => {
              setReport(next);
              setChanging(false);
            }}
            onCancel={() => {
              setCancelled(true);
              setChanging(false);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
