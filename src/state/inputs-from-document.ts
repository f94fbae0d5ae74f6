import type { ScenarioDoc } from '../scenario/document';
import type { CatalogRef } from '../scenario/preset-info';
import { DEFAULT_PRESET } from '../scenario/preset-info';
import type { CalculatorInputs } from './calculator-store';

/** The calculator inputs for a document that is already valid (validated, or built in). */
export function inputsFromDocument(
  doc: ScenarioDoc,
  presetId: string | null,
  catalogRefs: Readonly<Record<string, CatalogRef>>,
): CalculatorInputs {
  return { doc, validDoc: doc, origin: { presetId, loaded: doc, catalogRefs } };
}

/**
 * The default preset's inputs without validating it: default.json is stored in document form
 * (every field, decimal strings), which a test checks is exactly its own validated document, so
 * the first screen needs no validation code.
 */
export function defaultInputs(): CalculatorInputs {
  return inputsFromDocument(
    DEFAULT_PRESET.scenario as ScenarioDoc,
    DEFAULT_PRESET.id,
    DEFAULT_PRESET.catalogRefs,
  );
}
