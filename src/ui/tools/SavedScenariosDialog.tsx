import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import {
  addSavedScenario,
  deleteSavedScenario,
  discardUnreadableEntries,
  duplicateSavedScenario,
  inputsFromSaved,
  newSavedId,
  renameSavedScenario,
  restoreSavedScenario,
  savedEntries,
  MAX_SAVED_NAME_CHARS,
} from '../../state/saved-scenarios';
import type { RemovedScenario, SavedScenario } from '../../state/saved-scenarios';
import { useCalculator, useCalculatorStore } from '../../state/store-context';
import { CompareScenarios } from './CompareScenarios';
import type { CompareSide } from './CompareScenarios';
import { SavedScenarioItem, formatSavedAt } from './SavedScenarioItem';
import { ToolDialog } from './ToolDialog';
import { STORAGE_BLOCKED_MESSAGE, useSavedScenarios } from './use-saved-scenarios';

/** The scenario on screen, as a choice for the comparison (no saved id contains ":"). */
const CURRENT = ':current';

type Notice = { kind: 'done' | 'error'; text: string };

/**
 * Saved scenarios, kept in this browser: save the current one, open, rename, duplicate or delete
 * a saved one (a deletion can be undone), and compare two side by side. Where the page cannot use
 * storage (a sandboxed frame), it says so and the rest of the calculator is unaffected.
 */
export default function SavedScenariosDialog({ onClose }: { onClose: () => void }) {
  const store = useCalculatorStore();
  const { available, list, apply } = useSavedScenarios();
  const docName = useCalculator((s) => s.doc.name);
  const currentDoc = useCalculator((s) => s.validDoc);
  const nameId = useId();
  const [draftName, setDraftName] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [deleted, setDeleted] = useState<RemovedScenario | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [comparing, setComparing] = useState<readonly [string, string] | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const compareOpener = useRef<HTMLElement | null>(null);

  const entries = savedEntries(list);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const exists = (key: string) => key === CURRENT || byId.has(key);
  // Another tab may delete a chosen entry: it simply drops out of the choice.
  const chosenNow = chosen.filter(exists);

  useEffect(() => {
    if (deleted) undoButton.current?.focus();
  }, [deleted]);

  // An action whose button disappears (Undo delete, Remove the unreadable data) hands focus on,
  // so a keyboard user is not dropped at the top of the page.
  const focusNext = useRef<{ entryId: string } | 'name' | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'name') nameInput.current?.focus();
    else if (target) {
      listRef.current
        ?.querySelector<HTMLElement>(`[data-entry-id="${target.entryId}"] .saved-delete`)
        ?.focus();
    }
  }, [list]);

  const report = (result: { ok: true } | { ok: false; message: string }, done: string) => {
    setNotice(result.ok ? { kind: 'done', text: done } : { kind: 'error', text: result.message });
    if (result.ok) setDeleted(null);
    return result.ok;
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    const { doc, validDoc, origin } = store.getState();
    const name = draftName ?? docName;
    const now = new Date();
    const result = apply((l) =>
      addSavedScenario(
        l,
        { name, doc: validDoc, catalogRefs: origin.catalogRefs },
        newSavedId(l, now),
        now,
      ),
    );
    // A field with invalid text is not saved: the results on screen use the last valid inputs.
    const partial =
      doc !== validDoc ? ' The field marked in red was not saved: its last valid value was.' : '';
    if (report(result, `Saved “${name.trim()}”.${partial}`)) setDraftName(null);
  };

  const open = (entry: SavedScenario) => {
    store.getState().load(inputsFromSaved(entry));
    setDeleted(null);
    setNotice({
      kind: 'done',
      text: `Opened “${entry.name}”. Undo returns to the scenario before.`,
    });
  };

  const rename = (entry: SavedScenario, name: string): string | null => {
    const result = apply((l) => renameSavedScenario(l, entry.id, name));
    if (!result.ok) return result.message;
    report(result, `Renamed “${entry.name}” to “${name.trim()}”.`);
    return null;
  };

  const duplicate = (entry: SavedScenario) => {
    const now = new Date();
    const result = apply((l) => duplicateSavedScenario(l, entry.id, newSavedId(l, now), now));
    report(result, `Duplicated “${entry.name}”.`);
  };

  const remove = (entry: SavedScenario) => {
    const result = apply((l) => deleteSavedScenario(l, entry.id));
    if (!result.ok) {
      report(result, '');
      return;
    }
    setNotice(null);
    setDeleted(result.removed);
    setChosen((c) => c.filter((key) => key !== entry.id));
  };

  const undoDelete = () => {
    if (!deleted) return;
    const result = apply((l) => restoreSavedScenario(l, deleted));
    if (report(result, `Restored “${deleted.entry.name}”.`)) {
      focusNext.current = { entryId: deleted.entry.id };
    }
  };

  const discard = () => {
    const result = apply(discardUnreadableEntries);
    if (report(result, 'Removed the saved data that could not be read.'))
      focusNext.current = 'name';
  };

  const choose = (key: string, on: boolean) =>
    setChosen(
      on
        ? [...chosenNow.filter((k) => k !== key), key].slice(-2)
        : chosenNow.filter((k) => k !== key),
    );

  // Focus goes back to the button that opened the comparison (Safari does not focus a clicked
  // button, so `document.activeElement` would not do).
  const startComparing = (pair: readonly [string, string], from: HTMLElement) => {
    compareOpener.current = from;
    setComparing(pair);
  };
  const stopComparing = () => {
    setComparing(null);
    const opener = compareOpener.current;
    if (opener?.isConnected) opener.focus();
  };

  const side = (key: string): CompareSide | null => {
    if (key === CURRENT) return { label: 'Current scenario (on screen)', doc: currentDoc };
    const entry = byId.get(key);
    return entry
      ? { label: `${entry.name} (saved ${formatSavedAt(entry.savedAt)})`, doc: entry.doc }
      : null;
  };
  const sideA = comparing ? side(comparing[0]) : null;
  const sideB = comparing ? side(comparing[1]) : null;
  const showComparison = comparing !== null && sideA !== null && sideB !== null;
  const [firstChosen, secondChosen] = chosenNow;

  return (
    <ToolDialog title="Saved scenarios" onClose={onClose} wide={showComparison}>
      {!available ? (
        <p className="saved-blocked" role="note">
          {STORAGE_BLOCKED_MESSAGE}
        </p>
      ) : (
        <div className="saved-scenarios">
          <p className="hint">
            Kept in this browser only, on this device: nothing is sent anywhere. Clearing the
            site&apos;s data removes them; for a copy elsewhere use Copy link or export a file.
          </p>
          {list.problems.length > 0 && (
            <div className="saved-problems" role="alert">
              <p>
                {list.writable
                  ? 'Some saved data could not be read. It is kept as it is until you remove it:'
                  : 'The saved data in this browser could not be read:'}
              </p>
              <ul>
                {list.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
              {!list.newer && (
                <button type="button" onClick={discard}>
                  Remove the unreadable saved data
                </button>
              )}
            </div>
          )}

          <form className="saved-save" onSubmit={save}>
            <label htmlFor={nameId}>Name</label>
            <input
              id={nameId}
              ref={nameInput}
              value={draftName ?? docName}
              maxLength={MAX_SAVED_NAME_CHARS}
              onChange={(e) => setDraftName(e.currentTarget.value)}
            />
            <button type="submit" disabled={!list.writable}>
              Save current scenario
            </button>
          </form>

          <div className="saved-status" role="status">
            {notice?.kind === 'done' && notice.text}
            {deleted && (
              <>
                Deleted “{deleted.entry.name}”.{' '}
                <button type="button" ref={undoButton} onClick={undoDelete}>
                  Undo delete
                </button>
              </>
            )}
          </div>
          {notice?.kind === 'error' && (
            <p className="saved-error" role="alert">
              {notice.text}
            </p>
          )}

          <h3>Saved in this browser</h3>
          {entries.length === 0 ? (
            <p>No saved scenarios yet.</p>
          ) : (
            <>
              <p className="hint">
                To compare two, tick them (the first ticked is A) and press Compare, or use Compare
                with current on one.
              </p>
              <label className="saved-current">
                <input
                  type="checkbox"
                  checked={chosenNow.includes(CURRENT)}
                  disabled={chosenNow.length >= 2 && !chosenNow.includes(CURRENT)}
                  onChange={(e) => choose(CURRENT, e.currentTarget.checked)}
                />
                Choose the current scenario for comparison
              </label>
              <ul className="saved-list" aria-label="Saved scenarios" ref={listRef}>
                {entries.map((entry) => (
                  <SavedScenarioItem
                    key={entry.id}
                    entry={entry}
                    chosen={chosenNow.includes(entry.id)}
                    chooseDisabled={chosenNow.length >= 2}
                    onChoose={(on) => choose(entry.id, on)}
                    onOpen={() => open(entry)}
                    onRename={(name) => rename(entry, name)}
                    onDuplicate={() => duplicate(entry)}
                    onDelete={() => remove(entry)}
                    onCompareWithCurrent={(from) => startComparing([entry.id, CURRENT], from)}
                  />
                ))}
              </ul>
              <button
                type="button"
                disabled={firstChosen === undefined || secondChosen === undefined}
                onClick={(e) => {
                  if (firstChosen !== undefined && secondChosen !== undefined) {
                    startComparing([firstChosen, secondChosen], e.currentTarget);
                  }
                }}
              >
                Compare
              </button>{' '}
              <span className="hint">{chosenNow.length} of 2 chosen</span>
            </>
          )}

          {showComparison && (
            <CompareScenarios
              a={sideA}
              b={sideB}
              onSwap={() => setComparing((c) => (c ? ([c[1], c[0]] as const) : c))}
              onClose={stopComparing}
            />
          )}
        </div>
      )}
    </ToolDialog>
  );
}
