/**
 * The print memo's code, loaded ahead of printing: the browser lays the page out for print right
 * after `beforeprint`, so the memo must render synchronously then, with its module already here.
 */
import type * as PrintMemo from './tools/PrintMemo';

type PrintMemoModule = typeof PrintMemo;

let loaded: PrintMemoModule | null = null;

/**
 * Never rejects: a failed download (offline, a page being closed) leaves the memo out of the
 * printout rather than raising an error nobody handles; the next print tries again.
 */
export function preloadPrintMemo(): Promise<PrintMemoModule | null> {
  return import('./tools/PrintMemo').then(
    (module) => (loaded = module),
    () => null,
  );
}

/** The memo's module if it has arrived, else null (the page then prints without the memo). */
export function loadedPrintMemo(): PrintMemoModule | null {
  return loaded;
}
