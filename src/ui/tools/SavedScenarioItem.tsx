import { useEffect, useId, useRef, useState } from 'react';
import { MAX_SAVED_NAME_CHARS } from '../../state/saved-scenarios';
import type { SavedScenario } from '../../state/saved-scenarios';

type Props = {
  entry: SavedScenario;
  /** Ticked for the comparison. */
  chosen: boolean;
  /** Two others are ticked already. */
  chooseDisabled: boolean;
  onChoose: (chosen: boolean) => void;
  onOpen: () => void;
  /** Returns a message when the name was refused, null when it was stored. */
  onRename: (name: string) => string | null;
  onDuplicate: () => void;
  onDelete: () => void;
  /** `from` gets focus back when the comparison closes. */
  onCompareWithCurrent: (from: HTMLElement) => void;
};

/**
 * One saved scenario: its name and date, a tick box to choose it for a comparison, and its
 * actions. Rename edits the name in place: Enter keeps it, Escape leaves it as it was (and does
 * not close the dialog).
 */
export function SavedScenarioItem({
  entry,
  chosen,
  chooseDisabled,
  onChoose,
  onOpen,
  onRename,
  onDuplicate,
  onDelete,
  onCompareWithCurrent,
}: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const renameInput = useRef<HTMLInputElement>(null);
  const wasEditing = useRef(false);
  const editing = draft !== null;

  // Focus follows the edit: into the field when it opens, back to Rename when it closes, so a
  // keyboard user is never left on a button that has just disappeared.
  useEffect(() => {
    if (editing) {
      renameInput.current?.focus();
      renameInput.current?.select();
    } else if (wasEditing.current) renameButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const stopEditing = () => {
    setDraft(null);
    setError(null);
  };
  const commit = () => {
    if (draft === null) return;
    const refused = onRename(draft);
    if (refused === null) stopEditing();
    else setError(refused);
  };

  return (
    <li className="saved-item" data-entry-id={entry.id}>
      <div className="saved-item-head">
        <input
          type="checkbox"
          checked={chosen}
          disabled={chooseDisabled && !chosen}
          aria-label={`Choose ${entry.name} for comparison`}
          onChange={(e) => onChoose(e.currentTarget.checked)}
        />
        {editing ? (
          <form
            className="saved-rename"
            onSubmit={(e) => {
              e.preventDefault();
              commit();
            }}
          >
            <label htmlFor={`${id}-name`} className="visually-hidden">
              New name for {entry.name}
            </label>
            <input
              id={`${id}-name`}
              ref={renameInput}
              value={draft}
              maxLength={MAX_SAVED_NAME_CHARS}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  // The dialog closes on Escape; here Escape only cancels the rename.
                  e.stopPropagation();
                  stopEditing();
                }
              }}
            />
            <button type="submit">Save name</button>
            <button type="button" onClick={stopEditing}>
              Cancel
            </button>
            {error && (
              <p id={`${id}-error`} className="field-error" role="alert">
                {error}
              </p>
            )}
          </form>
        ) : (
          <span className="saved-name">{entry.name}</span>
        )}
        <time className="saved-date" dateTime={entry.savedAt}>
          saved {formatSavedAt(entry.savedAt)}
        </time>
      </div>
      <div className="saved-actions" role="group" aria-label={`Actions for ${entry.name}`}>
        <button type="button" onClick={onOpen}>
          Open
        </button>
        <button
          type="button"
          ref={renameButton}
          onClick={() => setDraft(entry.name)}
          disabled={editing}
        >
          Rename
        </button>
        <button type="button" onClick={onDuplicate}>
          Duplicate
        </button>
        <button type="button" className="saved-delete" onClick={onDelete}>
          Delete
        </button>
        <button type="button" onClick={(e) => onCompareWithCurrent(e.currentTarget)}>
          Compare with current
        </button>
      </div>
    </li>
  );
}

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The save time in the reader's locale and time zone. */
export function formatSavedAt(iso: string): string {
  return DATE_FORMAT.format(new Date(iso));
}
