import { createStore } from 'zustand/vanilla';
import { temporal } from 'zundo';
import type { FieldEdit } from '../scenario/document-check';
import type { ScenarioDoc } from '../scenario/document';
import { loadedValidator, whenValidatorLoaded } from './document-validator';
import type { CatalogRef } from '../scenario/presets';
import type { DocPath } from '../scenario/doc-path';
import { setAt } from '../scenario/doc-path';

/** Where the current scenario came from: decides each default's source and reset value. */
export type Origin = {
  presetId: string | null;
  /** The document as loaded (preset or file): "changed" is measured against it. */
  loaded: ScenarioDoc;
  catalogRefs: Readonly<Record<string, CatalogRef>>;
};

export type CalculatorInputs = {
  /** The scenario as edited, possibly with invalid text in a field. */
  doc: ScenarioDoc;
  /** The last version of `doc` that validated: what the results show while a field is invalid. */
  validDoc: ScenarioDoc;
  origin: Origin;
};

export type CalculatorState = CalculatorInputs & {
  /** Sets one field to a string; invalid text is kept so the field can show what is wrong. */
  setField: (path: DocPath, value: string) => void;
  /** Sets several fields at once (a catalog pick), as one undo step. */
  setFields: (
    changes: readonly (readonly [DocPath, unknown])[],
    catalogRefs?: Origin['catalogRefs'],
  ) => void;
  /** Replaces the whole scenario (a preset, a file). */
  load: (inputs: CalculatorInputs) => void;
  /** A structural edit of the document (add a workload, route a strategy), as one undo step. */
  edit: (recipe: (doc: ScenarioDoc) => ScenarioDoc) => void;
};

/**
 * One store per calculator (and per test, per embed): inputs only, as exact decimal strings.
 * Results are derived from `doc` by the components, never stored. Undo/redo (zundo) records
 * `doc` and `origin`; a gesture (one slider drag, one focused edit of a field) is one step.
 */
export function createCalculatorStore(initial: CalculatorInputs) {
  const store = createStore<CalculatorState>()(
    temporal(
      (set) => ({
        ...initial,
        setField: (path, value) =>
          set((s) =>
            withDoc(
              s,
              setAt(s.doc, path, value),
              // One field of a valid document: checked on its own part (document-check.ts).
              s.doc === s.validDoc ? { from: s.doc, path } : undefined,
            ),
          ),
        setFields: (changes, catalogRefs) =>
          set((s) => {
            let doc = s.doc;
            for (const [path, value] of changes) doc = setAt(doc, path, value);
            const next = withDoc(s, doc);
            return catalogRefs ? { ...next, origin: { ...s.origin, catalogRefs } } : next;
          }),
        load: (inputs) => set(() => ({ ...inputs })),
        edit: (recipe) => set((s) => withDoc(s, recipe(s.doc))),
      }),
      {
        partialize: (s): CalculatorInputs => ({
          doc: s.doc,
          validDoc: s.validDoc,
          origin: s.origin,
        }),
        equality: (a, b) => a.doc === b.doc && a.origin === b.origin,
        limit: 200,
      },
    ),
  );
  // An edit made before the validator arrived is checked as soon as it does (the same document:
  // no undo step).
  whenValidatorLoaded(() => {
    const s = store.getState();
    if (s.doc !== s.validDoc) store.setState(withDoc(s, s.doc));
  });
  return store;
}

export type CalculatorStore = ReturnType<typeof createCalculatorStore>;

/**
 * Starts a gesture: records the state before it as one undo step, then stops recording until
 * `endGesture`. A drag of a slider or a focused edit of a field becomes a single step.
 */
export function beginGesture(store: CalculatorStore): void {
  const temporalStore = store.temporal;
  // A gesture whose end was never seen (a lost pointer) is closed before a new one starts.
  if (!temporalStore.getState().isTracking) endGesture(store);
  const t = temporalStore.getState();
  if (!t.isTracking) return;
  const { doc, validDoc, origin } = store.getState();
  temporalStore.setState({
    pastStates: [...t.pastStates, { doc, validDoc, origin }].slice(-200),
    futureStates: [],
  });
  t.pause();
  gestureStart.set(store, doc);
}

/** Ends a gesture; a gesture that changed nothing leaves no undo step. */
export function endGesture(store: CalculatorStore): void {
  const temporalStore = store.temporal;
  const t = temporalStore.getState();
  if (t.isTracking) return;
  t.resume();
  const before = gestureStart.get(store);
  gestureStart.delete(store);
  if (before !== undefined && before === store.getState().doc) {
    temporalStore.setState({ pastStates: t.pastStates.slice(0, -1) });
  }
}

const gestureStart = new WeakMap<CalculatorStore, ScenarioDoc>();

/** The new document, and the last valid one (this one if it validates). */
function withDoc(
  s: CalculatorInputs,
  doc: ScenarioDoc,
  edit?: FieldEdit,
): Pick<CalculatorInputs, 'doc' | 'validDoc'> {
  const check = loadedValidator();
  if (!check) return { doc, validDoc: s.validDoc };
  const checked = check(doc, edit);
  return { doc: checked.doc, validDoc: checked.result.ok ? checked.doc : s.validDoc };
}
