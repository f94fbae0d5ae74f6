import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { CalculatorState, CalculatorStore } from './calculator-store';

/** The calculator's store, provided per calculator (and per test, per embed). */
export const CalculatorStoreContext = createContext<CalculatorStore | null>(null);

export function useCalculatorStore(): CalculatorStore {
  const store = useContext(CalculatorStoreContext);
  if (!store) throw new Error('useCalculatorStore needs a CalculatorStoreContext provider');
  return store;
}

/** Selects from the store; several values at once go through `useShallow` (STYLE pitfall 1). */
export function useCalculator<T>(selector: (s: CalculatorState) => T): T {
  return useStore(useCalculatorStore(), selector);
}

export function useCalculatorShallow<T>(selector: (s: CalculatorState) => T): T {
  return useStore(useCalculatorStore(), useShallow(selector));
}

/** Whether undo and redo are possible, for the toolbar buttons. */
export function useHistoryState(): { canUndo: boolean; canRedo: boolean } {
  const store = useCalculatorStore();
  return useStore(
    store.temporal,
    useShallow((t) => ({ canUndo: t.pastStates.length > 0, canRedo: t.futureStates.length > 0 })),
  );
}
