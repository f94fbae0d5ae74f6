import type { CalculatorInputs } from '../state/calculator-store';
import type { LinkNotice } from '../state/inputs-from-link';
import { Calculator } from './Calculator';

/** The standalone calculator: the scenario in the link, or the default one. */
export function App({ initial, notice }: { initial: CalculatorInputs; notice: LinkNotice }) {
  return <Calculator initial={initial} notice={notice} syncLink />;
}
