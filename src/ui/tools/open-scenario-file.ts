import { MAX_SCENARIO_FILE_BYTES } from '../../scenario/files/scenario-file';
import { applyScenarioFile } from '../../state/inputs-from-file';
import type { CalculatorStore } from '../../state/calculator-store';
import type { LinkNotice } from '../../state/inputs-from-link';

/**
 * Opens a scenario file chosen in the file picker or dropped on the page: the same validation,
 * repair and messages as a link. A file that cannot be used leaves the scenario on screen as it
 * was. Returns whether the scenario was replaced.
 */
export async function openScenarioFile(
  file: File,
  store: CalculatorStore,
  showNotice: (notice: LinkNotice) => void,
): Promise<boolean> {
  const from = { kind: 'file', name: file.name } as const;
  // Refused before reading: a dropped video should not be read into memory to be rejected.
  if (file.size > MAX_SCENARIO_FILE_BYTES) {
    showNotice({
      kind: 'error',
      message: `It is ${(file.size / 1024 / 1024).toFixed(1)} MB, over the 1 MB a scenario file can be (is it a scenario file?).`,
      problems: [],
      kept: true,
      from,
    });
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    showNotice({
      kind: 'error',
      message: 'The browser could not read it.',
      problems: [],
      kept: true,
      from,
    });
    return false;
  }
  const { doc, validDoc, origin } = store.getState();
  const opened = applyScenarioFile(text, file.name, { doc, validDoc, origin });
  if (opened.inputs) store.getState().load(opened.inputs);
  showNotice(opened.notice);
  return opened.inputs !== null;
}
