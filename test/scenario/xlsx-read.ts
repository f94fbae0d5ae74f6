import { strFromU8, unzipSync } from 'fflate';

/**
 * Reads back what the XLSX writer wrote, for tests: the sheets (by the names in workbook.xml and
 * the targets in its relationships), each cell's value or formula text, and the raw parts. Only
 * the subset write-excel-file produces: shared strings (`t="s"`), numbers, booleans, `<f>`.
 */
export type ReadCell =
  | { kind: 'text'; text: string; style: number | null }
  | { kind: 'number'; value: number; style: number | null }
  | { kind: 'boolean'; value: boolean; style: number | null }
  | { kind: 'formula'; formula: string; style: number | null };

export type ReadSheet = { name: string; xml: string; cells: Map<string, ReadCell> };

export type ReadWorkbook = {
  sheets: ReadSheet[];
  parts: Record<string, string>;
  sheet: (name: string) => ReadSheet;
  /** The number format code of a cell's style, or null for General. */
  formatOf: (cell: ReadCell) => string | null;
};

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

export function readXlsx(bytes: Uint8Array): ReadWorkbook {
  const files = unzipSync(bytes);
  const parts: Record<string, string> = {};
  for (const [path, data] of Object.entries(files)) parts[path] = strFromU8(data);
  const part = (path: string) => {
    const text = parts[path];
    if (text === undefined) throw new Error(`no part ${path} in the file`);
    return text;
  };

  const strings = [...(parts['xl/sharedStrings.xml'] ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) =>
      unescapeXml([...(m[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const rels = new Map(
    [...part('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      attr(m[0], 'Id'),
      attr(m[0], 'Target'),
    ]),
  );
  const sheets = [...part('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const name = unescapeXml(attr(m[0], 'name') ?? '');
    const target = rels.get(attr(m[0], 'r:id')) ?? '';
    const xml = part(`xl/${target.replace(/^\/?xl\//, '')}`);
    const cells = new Map<string, ReadCell>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const head = ` ${c[1] ?? ''}`;
      const body = c[2] ?? '';
      const address = attr(head, 'r') ?? '';
      const styleText = attr(head, 's');
      const style = styleText === null ? null : Number(styleText);
      const type = attr(head, 't');
      const f = /<f>([\s\S]*?)<\/f>/.exec(body);
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      if (f) cells.set(address, { kind: 'formula', formula: unescapeXml(f[1] ?? ''), style });
      else if (v === undefined) continue;
      else if (type === 's')
        cells.set(address, { kind: 'text', text: strings[Number(v)] ?? '', style });
      else if (type === 'b') cells.set(address, { kind: 'boolean', value: v === '1', style });
      else cells.set(address, { kind: 'number', value: Number(v), style });
    }
    return { name, xml, cells };
  });

  const styles = parts['xl/styles.xml'] ?? '';
  const formats = new Map(
    [...styles.matchAll(/<numFmt\b[^>]*>/g)].map((m) => [
      Number(attr(m[0], 'numFmtId')),
      unescapeXml(attr(m[0], 'formatCode') ?? ''),
    ]),
  );
  const xfs = [
    ...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g),
  ].map((m) => Number(attr(m[0], 'numFmtId') ?? 0));

  return {
    sheets,
    parts,
    sheet: (name) => {
      const found = sheets.find((s) => s.name === name);
      if (!found) throw new Error(`no sheet ${name}`);
      return found;
    },
    formatOf: (cell) => (cell.style === null ? null : (formats.get(xfs[cell.style] ?? 0) ?? null)),
  };
}

/** `C12` from a column number (1 = A) and a row number. */
export function address(column: number, row: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return `${name}${row}`;
}
