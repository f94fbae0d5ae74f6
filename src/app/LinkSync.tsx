import { useEffect } from 'react';
import { createHashWriter, onHashChange } from '../platform/url-hash';
import type { LinkNotice } from '../state/inputs-from-link';

/** The fragment this page wrote last: a hashchange to it is not a new link. */
let lastWritten = '';
import { useCalculatorStore } from '../state/store-context';

/**
 * Keeps the address bar's fragment on the current valid scenario (debounced replaceState), so
 * the address is always a share link for what is on screen.
 */
export function LinkSync({ onNotice }: { onNotice: (notice: LinkNotice) => void }) {
  const store = useCalculatorStore();
  // Another link pasted into the address bar of the open page.
  useEffect(
    () =>
      onHashChange((fragment) => {
        void import('../state/inputs-from-link').then(({ applyLink }) => {
          const { doc, validDoc, origin } = store.getState();
          if (fragment.slice(1) === lastWritten) return;
          const opened = applyLink(fragment, { doc, validDoc, origin });
          if (opened.inputs) store.getState().load(opened.inputs);
          onNotice(opened.notice);
        });
      }),
    [store, onNotice],
  );
  useEffect(() => {
    const writer = createHashWriter();
    let last = store.getState().validDoc;
    const unsubscribe = store.subscribe((state) => {
      if (state.validDoc === last) return;
      last = state.validDoc;
      const doc = state.validDoc;
      // The codec is a separate chunk: it loads with the first edit, not with the page.
      void import('../scenario/link-codec').then(({ encodeScenarioLink }) => {
        if (doc !== last) return;
        // Encoded when written, once a drag pauses, not on every move (a large portfolio's
        // link costs a few milliseconds to compress).
        writer.write(() => {
          lastWritten = encodeScenarioLink(doc, store.getState().origin.catalogRefs);
          return lastWritten;
        });
      });
    });
    return () => {
      unsubscribe();
      writer.flush();
    };
  }, [store]);
  return null;
}
