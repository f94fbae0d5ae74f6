/**
 * Undo/redo shortcuts: Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (and Ctrl+Y). Text fields keep their
 * native text undo, so the shortcut is left to them while they have focus.
 */
export function listenForUndoRedo(handlers: { undo: () => void; redo: () => void }): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target instanceof HTMLInputElement && target.type === 'text') return;
    if (target instanceof HTMLTextAreaElement) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      handlers.undo();
    } else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) {
      event.preventDefault();
      handlers.redo();
    }
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
