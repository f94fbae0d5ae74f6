/**
 * A small, strict RFC 4180 reader, for tests only: records end with CRLF (the last one too, as the
 * exports write it), a field is either unquoted (no comma, quote, CR or LF) or wholly quoted with
 * inner quotes doubled, and every record has as many fields as the header. Anything else throws,
 * so a test that parses an export also proves it is well-formed.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`CSV: ${why} at offset ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
  };
  if (text === '') return records;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          field += text[i];
          i++;
        }
      }
    } else {
      while (i < text.length && !/[,\r\n"]/.test(text[i] as string)) {
        field += text[i];
        i++;
      }
      if (text[i] === '"') fail('quote inside an unquoted field');
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      i += 2;
      records.push(record);
      record = [];
      if (i === text.length) break;
      continue;
    }
    if (i >= text.length) fail('the last record does not end with CRLF');
    fail('a bare CR or LF, or text after a closing quote');
  }
  const width = records[0]?.length ?? 0;
  records.forEach((r, n) => {
    if (r.length !== width) {
      throw new Error(`CSV: record ${n} has ${r.length} fields, the header ${width}`);
    }
  });
  return records;
}

/** Records as objects keyed by the header row. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row) => Object.fromEntries(header.map((key, j) => [key, row[j] ?? ''])));
}
