import { createContext, useContext } from 'react';
import type { LinkNotice } from '../state/inputs-from-link';

/** Shows a notice about a link or file being opened in the calculator's banner. */
export const NoticeContext = createContext<(notice: LinkNotice) => void>(() => {});

export function useShowNotice(): (notice: LinkNotice) => void {
  return useContext(NoticeContext);
}
