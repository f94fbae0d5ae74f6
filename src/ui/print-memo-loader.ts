/**
 * The print memo's code, loaded ahead of printing: the browser lays the page out for print right
 * after `beforeprint`, so the memo must render synchronously then, with its module already here.
 */
import type * as PrintMemo from './tools/PrintMemo';

type PrintMemoModule = typeof PrintMemo;

let loaded: PrintMemoModule | null = null;

export function preloadPrintMemo(): Promise<PrintMemoModule> {
  return import('./tools/PrintMemo').then((module) => (loaded = module));
}

/** The memo's module if it has arrived, else null (the page then prints without the memo). */
export function loadedPrintMemo(): PrintMemoModule | null {
  return loaded;
}
