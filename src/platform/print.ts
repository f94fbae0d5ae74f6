/** Opens the browser's print dialog (where "Save as PDF" lives). */
export function printPage(): void {
  try {
    window.print();
  } catch {
    // A sandboxed frame without allow-modals cannot print; nothing else to do.
  }
}

/**
 * Calls `before` just before the page is laid out for printing (the print button, Ctrl/Cmd+P,
 * the browser menu) and `after` when the print dialog closes. `before` runs synchronously, so
 * what it renders is in the printout.
 */
export function listenForPrint({
  before,
  after,
}: {
  before: () => void;
  after: () => void;
}): () => void {
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
  };
}
