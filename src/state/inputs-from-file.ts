import { readScenarioFile } from '../scenario/files/scenario-file';
import type { CalculatorInputs } from './calculator-store';
import type { LinkNotice } from './inputs-from-link';

/**
 * A scenario file opened in the calculator (file picker or drag and drop): the file's scenario
 * replaces the one on screen (one undo step), with any invalid fields reset to the screen's
 * values and listed; a file that cannot be read leaves the screen as it was and says why.
 */
export function applyScenarioFile(
  text: string,
  fileName: string,
  current: CalculatorInputs,
): { inputs: CalculatorInputs | null; notice: LinkNotice } {
  const from = { kind: 'file', name: fileName } as const;
  const read = readScenarioFile(text, current.doc);
  if (read.kind === 'empty') {
    return {
      inputs: null,
      notice: { kind: 'error', message: 'The file is empty.', problems: [], kept: true, from },
    };
  }
  if (read.kind === 'error') {
    return {
      inputs: null,
      notice: { kind: 'error', message: read.message, problems: read.problems, kept: true, from },
    };
  }
  const doc = read.doc;
  return {
    inputs: {
      doc,
      validDoc: doc,
      origin: { presetId: null, loaded: doc, catalogRefs: read.catalogRefs },
    },
    notice: read.kind === 'repaired' ? { kind: 'repaired', problems: read.problems, from } : null,
  };
}
