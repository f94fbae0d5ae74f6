import { createContext, useContext } from 'react';
import { sharedAnalysisClient } from '../../platform/analysis-client';
import type { AnalysisClient } from '../../platform/analysis-client';

/**
 * The analysis client the panels use: the page's shared one (one worker) unless a test or an
 * embedding page provides another.
 */
export const AnalysisClientContext = createContext<AnalysisClient | null>(null);

export function useAnalysisClient(): AnalysisClient {
  return useContext(AnalysisClientContext) ?? sharedAnalysisClient();
}
