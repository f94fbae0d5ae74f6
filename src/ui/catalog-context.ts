import { startTransition, useEffect, useState } from 'react';
import { loadCatalog } from '../scenario/catalog';
import type { Catalog } from '../scenario/catalog';

let loaded: Catalog | null = null;

/** The catalogs, or null while they load (they are fetched after the first paint). */
export function useCatalog(): Catalog | null {
  const [catalog, setCatalog] = useState<Catalog | null>(loaded);
  useEffect(() => {
    if (catalog) return;
    let live = true;
    void loadCatalog().then((c) => {
      loaded = c;
      // Every field re-renders to show its source: let that run in time slices.
      if (live) startTransition(() => setCatalog(c));
    });
    return () => {
      live = false;
    };
  }, [catalog]);
  return catalog;
}
