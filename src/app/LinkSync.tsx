import { useEffect } from 'react';
import { createHashWriter } from '../platform/url-hash';
import { useCalculatorStore } from '../state/store-context';

/**
 * Keeps the address bar's fragment on the current valid scenario (debounced replaceState), so
 * the address is always a share link for what is on screen.
 */
export function LinkSync() {
  const store = useCalculatorStore();
  useEffect(() => {
    const writer = createHashWriter();
    let last = store.getState().validDoc;
    const unsubscribe = store.subscribe((state) => {
      if (state.validDoc === last) return;
      last = state.validDoc;
      const doc = state.validDoc;
      // The codec is a separate chunk: it loads with the first edit, not with the page.
      void import('../scenario/link-codec').then(({ encodeScenarioLink }) => {
        if (doc === last)
          writer.write(encodeScenarioLink(doc, store.getState().origin.catalogRefs));
      });
    });
    return () => {
      unsubscribe();
      writer.flush();
    };
  }, [store]);
  return null;
}
