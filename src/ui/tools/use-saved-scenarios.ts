import { useCallback, useEffect, useState } from 'react';
import { openSafeStorage } from '../../platform/storage/safe-storage';
import type { SafeStorage } from '../../platform/storage/safe-storage';
import {
  EMPTY_SAVED_LIST,
  SAVED_SCENARIOS_KEY,
  readSavedList,
  serializeSavedList,
} from '../../state/saved-scenarios';
import type { SavedList } from '../../state/saved-scenarios';

export const STORAGE_BLOCKED_MESSAGE =
  'Saving needs browser storage, which this page cannot use here (for example inside an embedded frame or private mode). Use Copy link or export a file instead.';
export const QUOTA_MESSAGE =
  "Not saved: this browser's storage for the page is full. Delete saved scenarios you no longer need, or use Copy link or export a file instead.";
export const WRITE_FAILED_MESSAGE =
  'Not saved: the browser refused to write to its storage. Use Copy link or export a file instead.';
export const NOT_WRITABLE_MESSAGE =
  'Not saved: the saved scenarios stored in this browser could not be read, and saving would overwrite them.';

/** A change to the list; `T` carries anything the caller needs back (what a deletion removed). */
export type SavedOperation<T> = (
  list: SavedList,
) => ({ ok: true; list: SavedList } & T) | { ok: false; message: string };

export type SavedScenariosState = {
  /** False where the page cannot use storage (sandboxed frame, blocked site data). */
  available: boolean;
  list: SavedList;
  /**
   * Applies a change to the list as stored now (another tab may have changed it since it was
   * shown) and writes it back; the new list on success, a sentence saying why on failure.
   */
  apply: <T>(
    operation: SavedOperation<T>,
  ) => ({ ok: true; list: SavedList } & T) | { ok: false; message: string };
};

/** The saved scenarios of this browser, kept in step with storage and with other tabs. */
export function useSavedScenarios(): SavedScenariosState {
  const [storage] = useState<SafeStorage>(() => openSafeStorage());
  const [available, setAvailable] = useState(storage.available);
  const [list, setList] = useState<SavedList>(() => read(storage) ?? EMPTY_SAVED_LIST);

  useEffect(
    () =>
      storage.watch(SAVED_SCENARIOS_KEY, () => {
        const fresh = read(storage);
        if (fresh) setList(fresh);
        else setAvailable(false);
      }),
    [storage],
  );

  const apply = useCallback(
    <T>(operation: SavedOperation<T>) => {
      const fresh = read(storage);
      if (!fresh) {
        setAvailable(false);
        return { ok: false as const, message: STORAGE_BLOCKED_MESSAGE };
      }
      const result = operation(fresh);
      if (!result.ok) {
        setList(fresh);
        return result;
      }
      // Only an explicit discard makes an unreadable stored value writable again.
      if (!result.list.writable) {
        setList(fresh);
        return { ok: false as const, message: NOT_WRITABLE_MESSAGE };
      }
      const written = storage.set(SAVED_SCENARIOS_KEY, serializeSavedList(result.list));
      if (!written.ok) {
        setList(fresh);
        return {
          ok: false as const,
          message: written.reason === 'quota' ? QUOTA_MESSAGE : WRITE_FAILED_MESSAGE,
        };
      }
      setList(result.list);
      return result;
    },
    [storage],
  );

  return { available, list, apply };
}

/** The stored list, or null where storage cannot be read. */
function read(storage: SafeStorage): SavedList | null {
  const stored = storage.get(SAVED_SCENARIOS_KEY);
  return stored.ok ? readSavedList(stored.value) : null;
}
