import type { Preset } from '../scenario/preset-info';
import { validateScenario } from '../scenario/validate-scenario';
import type { CalculatorInputs } from './calculator-store';
import { inputsFromDocument } from './inputs-from-document';

/** The calculator inputs for a preset (presets are validated by the test suite). */
export function inputsFromPreset(preset: Preset): CalculatorInputs {
  const v = validateScenario(preset.scenario);
  if (!v.ok) throw new Error(`preset ${preset.id} is invalid: ${JSON.stringify(v.errors)}`);
  return inputsFromDocument(v.document, preset.id, preset.catalogRefs);
}
