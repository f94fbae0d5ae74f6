/**
 * The address bar: the scenario lives in the fragment, which browsers never send to a server.
 * Updates use `history.replaceState` (no history entry per slider tick) and are debounced:
 * browsers throttle it, and Safari throws after 100 calls in 30 seconds.
 */
export function readHash(): string {
  try {
    return window.location.hash;
  } catch {
    return '';
  }
}

export function createHashWriter(delayMs = 400): {
  /** The fragment, or a function making it: called only when written (once per pause). */
  write: (fragment: string | (() => string)) => void;
  flush: () => void;
} {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: string | (() => string) | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending === null) return;
    const fragment = typeof pending === 'function' ? pending() : pending;
    pending = null;
    try {
      const url = `${window.location.pathname}${window.location.search}#${fragment}`;
      if (window.location.hash !== `#${fragment}`)
        window.history.replaceState(window.history.state, '', url);
    } catch {
      // A sandboxed or file:// page may refuse; the link button still works.
    }
  };
  return {
    write: (fragment) => {
      pending = fragment;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
  };
}

/** The current page address with a given fragment. */
export function addressWithFragment(fragment: string): string {
  const { origin, pathname, search } = window.location;
  return `${origin === 'null' ? '' : origin}${pathname}${search}#${fragment}`;
}

/** Copies text; false where the clipboard is unavailable (insecure context, sandbox). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Calls back with the new fragment when the user changes it (pastes another link). */
export function onHashChange(callback: (fragment: string) => void): () => void {
  const listener = () => callback(readHash());
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}
