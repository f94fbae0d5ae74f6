/**
 * Browser storage that never throws. `localStorage` throws a SecurityError in sandboxed or
 * storage-blocked iframes even on read, including the read of the `localStorage` property itself
 * (STYLE pitfall 8), and `setItem` throws when the quota is full. Every access here is in a
 * try/catch and comes back as a value, so a blocked page keeps working without saved data.
 */

export type StorageRead = { ok: true; value: string | null } | { ok: false };

export type StorageWrite =
  | { ok: true }
  /** `quota`: the page's storage is full (or, in some private modes, has no room at all). */
  | { ok: false; reason: 'quota' | 'unavailable' };

export type SafeStorage = {
  /** Whether storage could be read when this adapter was opened. */
  readonly available: boolean;
  get: (key: string) => StorageRead;
  set: (key: string, value: string) => StorageWrite;
  remove: (key: string) => boolean;
  /** Calls back when another tab changes `key`; returns the unsubscribe function. */
  watch: (key: string, onChange: () => void) => () => void;
};

/**
 * Opens the page's `localStorage`. `source` is read on every access rather than once, so a store
 * that becomes blocked later (the user clears site data in another tab) is reported, not cached.
 *
 * @example openSafeStorage().get('llm-tco.saved.v1') // { ok: true, value: null } on a fresh page
 */
export function openSafeStorage(source: () => Storage | null = pageStorage): SafeStorage {
  const storage = (): Storage | null => {
    try {
      return source();
    } catch {
      return null;
    }
  };
  const get = (key: string): StorageRead => {
    try {
      const s = storage();
      if (!s) return { ok: false };
      return { ok: true, value: s.getItem(key) };
    } catch {
      return { ok: false };
    }
  };
  return {
    // A read of an absent key is the cheapest probe that fails where storage is blocked; a probe
    // write is avoided so that opening the dialog never touches the user's quota.
    available: get(PROBE_KEY).ok,
    get,
    set: (key, value) => {
      try {
        const s = storage();
        if (!s) return { ok: false, reason: 'unavailable' };
        s.setItem(key, value);
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: isQuotaError(error) ? 'quota' : 'unavailable' };
      }
    },
    remove: (key) => {
      try {
        const s = storage();
        if (!s) return false;
        s.removeItem(key);
        return true;
      } catch {
        return false;
      }
    },
    watch: (key, onChange) => {
      const listener = (event: StorageEvent) => {
        // `key` is null when another tab cleared the whole storage.
        if (event.key === key || event.key === null) onChange();
      };
      try {
        window.addEventListener('storage', listener);
      } catch {
        return () => {};
      }
      return () => {
        try {
          window.removeEventListener('storage', listener);
        } catch {
          // The page is going away; nothing to clean up.
        }
      };
    },
  };
}

const PROBE_KEY = 'llm-tco.probe';

function pageStorage(): Storage | null {
  return window.localStorage;
}

/**
 * A full store, by the names and legacy codes browsers use: `QuotaExceededError` (22) in most,
 * `NS_ERROR_DOM_QUOTA_REACHED` (1014) in old Firefox. Matched by name, not `instanceof`, because
 * a `DOMException` from another realm (an iframe, jsdom) is not an instance of this one's.
 */
export function isQuotaError(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  );
}
