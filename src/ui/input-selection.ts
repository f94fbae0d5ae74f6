import { createContext, useContext } from 'react';

/**
 * Which workload and which options the inputs panel's groups are editing. The portfolio editor's
 * "Edit figures" buttons point a group at an item (and bring it into view).
 */
export type InputSelection = {
  selectWorkload: (index: number) => void;
  /** An option by its id (it may have been added in the same event). */
  selectOption: (optionId: string, kind: 'api' | 'selfHost') => void;
};

export const InputSelectionContext = createContext<InputSelection>({
  selectWorkload: () => {},
  selectOption: () => {},
});

export function useInputSelection(): InputSelection {
  return useContext(InputSelectionContext);
}
