import { useMemo } from 'react';
import { DEFAULT_PRESET } from '../scenario/presets';
import { inputsFromPreset } from '../state/inputs-from-preset';
import { Calculator } from './Calculator';

/** The standalone calculator, starting from the default scenario. */
export function App() {
  const initial = useMemo(() => inputsFromPreset(DEFAULT_PRESET), []);
  return <Calculator initial={initial} />;
}
