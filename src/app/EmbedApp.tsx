import { useEffect, useMemo } from 'react';
import type { CalculatorInputs } from '../state/calculator-store';
import { createCalculatorStore } from '../state/calculator-store';
import { CalculatorStoreContext } from '../state/store-context';
import type { LinkNotice } from '../state/inputs-from-link';
import { EvaluationProvider } from '../ui/evaluation-context';
import { EmbedView } from '../ui/embed/EmbedView';
import { parseEmbedOptions } from '../ui/embed/embed-options';
import { LinkNoticeBanner } from '../ui/LinkNoticeBanner';
import { applyTheme } from '../platform/theme';

/**
 * The embed entry (`?embed=1`, DESIGN section 5): the scenario from the link, a compact view,
 * no address-bar updates, no keyboard shortcuts on the host page's behalf, no storage.
 */
export function EmbedApp({
  initial,
  notice,
  search,
}: {
  initial: CalculatorInputs;
  notice: LinkNotice;
  search: string;
}) {
  const store = useMemo(() => createCalculatorStore(initial), [initial]);
  const options = useMemo(() => parseEmbedOptions(search), [search]);
  useEffect(() => applyTheme(options.theme), [options.theme]);
  return (
    <CalculatorStoreContext.Provider value={store}>
      <EvaluationProvider>
        <LinkNoticeBanner notice={notice} onDismiss={() => {}} />
        <EmbedView options={options} />
      </EvaluationProvider>
    </CalculatorStoreContext.Provider>
  );
}
