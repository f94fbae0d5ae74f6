import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { strFromU8, unzipSync } from 'fflate';
import { Calculator } from '../../src/app/Calculator';
import { inputsFromPreset } from '../../src/state/inputs-from-preset';
import { DEFAULT_PRESET } from '../../src/scenario/presets';
import type * as XlsxFile from '../../src/platform/export/xlsx-file';

const saved = vi.hoisted(() => ({ files: [] as { blob: Blob; name: string }[] }));
vi.mock('../../src/platform/export/download', () => ({
  downloadBlob: (blob: Blob, name: string) => {
    saved.files.push({ blob, name });
    return true;
  },
}));
const failure = vi.hoisted(() => ({ message: null as string | null }));
vi.mock('../../src/platform/export/xlsx-file', async (importOriginal) => {
  const real = await importOriginal<typeof XlsxFile>();
  return {
    ...real,
    writeXlsxWorkbook: (...args: Parameters<typeof real.writeXlsxWorkbook>) =>
      failure.message === null
        ? real.writeXlsxWorkbook(...args)
        : Promise.reject(new Error(failure.message)),
  };
});

// vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  saved.files.length = 0;
  failure.message = null;
});

async function openFilesDialog() {
  render(<Calculator initial={inputsFromPreset(DEFAULT_PRESET)} />);
  fireEvent.click(screen.getByRole('button', { name: 'Files and exports' }));
  return screen.findByRole('dialog', { name: 'Files and exports' }, { timeout: 10_000 });
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(
    await new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsArrayBuffer(blob);
    }),
  );
}

describe('spreadsheet export in the Files dialog', () => {
  it('says what the workbook holds and saves an XLSX with the four sheets and formulas', async () => {
    const dialog = await openFilesDialog();
    const button = within(dialog).getByRole('button', { name: 'Spreadsheet (.xlsx)' });
    expect(button).toHaveAccessibleDescription(/Every input, the monthly run-rate as formulas/);
    fireEvent.click(button);
    const status = await within(dialog).findByText(/^Saved .*\.xlsx\.$/, undefined, {
      timeout: 10_000,
    });
    expect(status).toHaveTextContent(
      'Saved support-assistant-gpt-5-api-or-llama-3-3-70b-on-rented-h100s.xlsx.',
    );
    expect(saved.files).toHaveLength(1);
    const file = saved.files[0];
    if (!file) throw new Error('nothing saved');
    expect(file.name).toMatch(/\.xlsx$/);
    const files = unzipSync(await bytesOf(file.blob));
    const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
    for (const name of ['About', 'Inputs', 'Run-rate', 'Timeline']) {
      expect(workbook).toContain(`name="${name}"`);
    }
    expect(workbook).toContain('fullCalcOnLoad="1"');
    const runRate = strFromU8(files['xl/worksheets/sheet3.xml'] ?? new Uint8Array());
    expect(runRate).toMatch(/<f>MAX\(Inputs!\$C\$\d+,CEILING\(C\d+\/Inputs!\$C\$\d+,1\)\)<\/f>/);
    expect(button).toBeEnabled();
  });

  it('shows a message, not a crash, when the workbook cannot be written', async () => {
    failure.message = 'Writing the spreadsheet took over a minute and was stopped.';
    const dialog = await openFilesDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Spreadsheet (.xlsx)' }));
    expect(
      await within(dialog).findByText(
        'The spreadsheet could not be written. Writing the spreadsheet took over a minute and was stopped.',
        undefined,
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(saved.files).toHaveLength(0);
    expect(within(dialog).getByRole('button', { name: 'Spreadsheet (.xlsx)' })).toBeEnabled();
  });
});
