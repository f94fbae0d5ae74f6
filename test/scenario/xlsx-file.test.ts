import { describe, expect, it } from 'vitest';
import type { ScenarioDoc } from '../../src/scenario/document';
import { buildXlsxWorkbook } from '../../src/scenario/files/xlsx-workbook';
import type { XlsxWorkbook } from '../../src/scenario/files/xlsx-workbook';
import { writeXlsxWorkbook } from '../../src/platform/export/xlsx-file';
import { DEFAULT_PRESET, findPreset } from '../../src/scenario/presets';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { evaluateOk } from '../core/helpers';
import { WORKED_EXAMPLE } from '../core/worked-example';
import { address, readXlsx } from './xlsx-read';

/**
 * The XLSX writer (write-excel-file, run here in Node) writes exactly the workbook the builder
 * holds: every text, number and formula at its address, the number formats, the sheet names,
 * frozen headers and the request to calculate on open.
 */
function docOf(input: unknown): ScenarioDoc {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.document;
}

async function writeAndRead(workbook: XlsxWorkbook) {
  const blob = await writeXlsxWorkbook(workbook);
  expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return readXlsx(new Uint8Array(await blob.arrayBuffer()));
}

function workbookOf(input: unknown, name?: string): XlsxWorkbook {
  const doc = docOf(input);
  if (name !== undefined) doc.name = name;
  return buildXlsxWorkbook(doc, evaluateOk(doc), {
    exportedOn: '2026-11-20',
    link: 'https://calc.example/#s1.abc',
  });
}

const portfolio = findPreset('portfolio-2026')?.scenario;

describe('XLSX file', () => {
  it.each([
    ['the default scenario', DEFAULT_PRESET.scenario],
    ['the portfolio-2026 preset', portfolio],
    ['the DESIGN 3.6a worked example', WORKED_EXAMPLE],
  ])('%s: every cell of the workbook is in the file as built', async (_, input) => {
    const workbook = workbookOf(input);
    const file = await writeAndRead(workbook);
    expect(file.sheets.map((s) => s.name)).toEqual(workbook.sheets.map((s) => s.name));
    let formulas = 0;
    for (const sheet of workbook.sheets) {
      const read = file.sheet(sheet.name);
      let cells = 0;
      sheet.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const at = address(c + 1, r + 1);
          const got = read.cells.get(at);
          if (cell === null || (cell.kind === 'text' && cell.text === '')) {
            expect(got, `${sheet.name}!${at}`).toBeUndefined();
            return;
          }
          cells++;
          if (cell.kind === 'text') expect(got).toMatchObject({ kind: 'text', text: cell.text });
          else if (cell.kind === 'number') {
            expect(got).toMatchObject({ kind: 'number', value: Number(cell.value) });
          } else {
            formulas++;
            expect(got).toMatchObject({ kind: 'formula', formula: cell.formula });
          }
          if (got && cell.kind !== 'text') {
            expect(file.formatOf(got), `${sheet.name}!${at}`).toBe(
              workbook.numberFormats[cell.format],
            );
          }
        }),
      );
      expect(read.cells.size).toBe(cells);
      if (sheet.frozenRows > 0) {
        expect(read.xml).toContain(`ySplit="${sheet.frozenRows}"`);
      }
    }
    expect(formulas).toBeGreaterThan(20);
    expect(file.parts['xl/workbook.xml']).toContain('<calcPr fullCalcOnLoad="1"/>');
  });

  it('writes a name that looks like a formula as a text cell', async () => {
    const name = "=cmd|' /C calc'!A0";
    const file = await writeAndRead(workbookOf(WORKED_EXAMPLE, name));
    const about = file.sheet('About');
    expect(about.cells.get('B3')).toMatchObject({ kind: 'text', text: name });
    for (const sheet of file.sheets) {
      expect(sheet.xml).not.toContain('cmd|');
      for (const cell of sheet.cells.values()) {
        if (cell.kind === 'formula') expect(cell.formula).not.toContain('cmd');
      }
    }
    expect(file.parts['xl/sharedStrings.xml']).toContain("<si><t>=cmd|' /C calc'!A0</t></si>");
  });
});
