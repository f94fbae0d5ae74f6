import type { Preset } from '../scenario/preset-info';
import { validateScenario } from '../scenario/validate-scenario';
import type { CalculatorInputs } from './calculator-store';

/** The calculator inputs for a preset (presets are validated by the test suite). */
export function inputsFromPreset(preset: Preset): CalculatorInputs {
  const v = validateScenario(preset.scenario);
  if (!v.ok) throw new Error(`preset ${preset.id} is invalid: ${JSON.stringify(v.errors)}`);
  const doc = v.document;
  return {
    doc,
    validDoc: doc,
    origin: { presetId: preset.id, loaded: doc, catalogRefs: preset.catalogRefs },
  };
}
