import { describe } from '../decimal-field';
import type { ScenarioDoc } from '../document';
import { validateOrRepair } from '../repair-scenario';
import type { ScenarioReadResult } from '../repair-scenario';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../scenario-schema';
import type { ValidationError } from '../validation-error';
import { fileNameStem } from './file-name';
import { findJsonSyntaxError } from './json-syntax';

/**
 * Scenario files: the scenario format v1 document (DESIGN section 4) as JSON, to save, send and
 * open again. Pure text in, text out; the UI does the file picker, drag and drop and download.
 *
 * @example
 * const text = scenarioToJson(doc);                  // save as scenarioFileName(doc)
 * const read = readScenarioFile(text, currentDoc);   // read.kind === 'ok', read.doc deep-equals doc
 */

/**
 * A file larger than this (in UTF-8 bytes) is refused before parsing. A scenario at the format's
 * limits with every workload routed once per strategy (50 workloads, 30 options, 12 strategies)
 * is under a quarter of it; only thousands of split routes with 64-character ids come near. The UI
 * can compare `File.size` with it before reading a file at all.
 */
export const MAX_SCENARIO_FILE_BYTES = 1024 * 1024;
export const SCENARIO_FILE_MIME_TYPE = 'application/json';
export const SCENARIO_FILE_EXTENSION = '.json';

/** What reading a file gives: the same kinds as a share link, so the same notice can show it. */
export type FileReadResult = ScenarioReadResult;

/**
 * The document as a scenario file: pretty-printed JSON (2-space indent, trailing newline), with
 * `format` and `version` first so a person opening it sees what it is.
 *
 * Numbers are written as JSON strings ("0.1", "150000000"), exactly as the document holds them,
 * never as JSON numbers. DESIGN section 4 allows both, but a JSON number passes through a binary
 * float in every reader that is not this app: 0.1 prints back as 0.1 only because of
 * shortest-round-trip printing, 20 significant digits lose the last ones, and values like 1e21
 * or 1e-7 come out in exponent notation (STYLE pitfall 3). A decimal string is the value itself,
 * for any size and any number of digits, and reads back exactly here (decimal-field.ts).
 * `version` stays the JSON number 1, as the format defines it.
 */
export function scenarioToJson(doc: ScenarioDoc): string {
  const { format, version, ...rest } = doc;
  return `${JSON.stringify({ format, version, ...rest }, null, 2)}\n`;
}

/** A file name for the document, from its name: `support-assistant.json`. */
export function scenarioFileName(doc: ScenarioDoc): string {
  return `${fileNameStem(doc.name, 'scenario')}${SCENARIO_FILE_EXTENSION}`;
}

/**
 * Reads the text of a scenario file. Never throws. `fallback` (normally the scenario on screen)
 * supplies the value of any field the file gets wrong when the rest of the file is sound; those
 * fields are listed in `problems` of a `repaired` result. A file holds no catalog references, so
 * `catalogRefs` is `{}`.
 *
 * Refused with a message that names the problem: more than 1 MiB, not JSON (with the line and
 * column), JSON that is not an object, a missing or different `format`, a `version` other than 1
 * (a newer one is named as such), and a scenario that stays invalid after the repair.
 * A UTF-8 byte order mark at the start (Windows editors write one) is ignored.
 */
export function readScenarioFile(text: string, fallback: ScenarioDoc): FileReadResult {
  try {
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    if (body.trim() === '') return { kind: 'empty' };
    const bytes = utf8Length(body);
    if (bytes > MAX_SCENARIO_FILE_BYTES) {
      return fail(
        `The file is ${megabytes(bytes)} MB, over the ${megabytes(MAX_SCENARIO_FILE_BYTES)} MB a scenario file can be. Is it a scenario file?`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return fail(notJsonMessage(body));
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return fail(
        `The file holds ${describe(parsed)} where a scenario (a JSON object with "format": "${SCENARIO_FORMAT}") was expected.`,
      );
    }
    const object = parsed as Record<string, unknown>;
    if (!Object.hasOwn(object, 'format')) {
      return fail(
        `The file is not a scenario of this calculator: it has no "format": "${SCENARIO_FORMAT}" field.`,
      );
    }
    if (object.format !== SCENARIO_FORMAT) {
      return fail(
        `The file is not a scenario of this calculator: its "format" is ${describe(object.format)}, not "${SCENARIO_FORMAT}".`,
      );
    }
    if (!Object.hasOwn(object, 'version')) {
      return fail(
        `The file has no "version" field, so it cannot be read safely (this calculator reads scenario format version ${SCENARIO_VERSION}).`,
      );
    }
    const version = readVersion(object.version);
    if (version === null) {
      return fail(
        `The file's "version" is ${describe(object.version)}, which is not a version of the scenario format (this calculator reads version ${SCENARIO_VERSION}).`,
      );
    }
    if (version > SCENARIO_VERSION) {
      return fail(
        `The file was made by a newer version of this calculator (scenario format version ${version}; this one reads up to version ${SCENARIO_VERSION}). Open it with the latest version.`,
      );
    }
    const migrate = MIGRATIONS[version];
    if (!migrate) {
      return fail(
        `Scenario format version ${version} is unknown (this calculator reads version ${SCENARIO_VERSION}).`,
      );
    }
    // DESIGN section 4 lets a number be a decimal string, so "version": "1" is version 1 too.
    const result = validateOrRepair(migrate({ ...object, version }), fallback);
    if (result.kind === 'invalid') {
      return fail(
        `The file holds a scenario this calculator cannot accept: ${summarize(result.problems)}`,
        result.problems,
      );
    }
    return { ...result, catalogRefs: {} };
  } catch (error) {
    return fail(
      `The file could not be read (${error instanceof Error ? error.message : 'unknown error'}).`,
    );
  }
}

/**
 * Upgrades each released version of the scenario format to the current one. Version 1 is the
 * current format. A future version 2 adds `1: (v1) => v2-shaped input` and `2: (input) => input`;
 * files written by this version keep opening (DESIGN section 5).
 */
const MIGRATIONS: Record<number, (input: Record<string, unknown>) => unknown> = {
  1: (input) => input,
};

function fail(message: string, problems: ValidationError[] = []): FileReadResult {
  return { kind: 'error', message, problems };
}

/** A whole version number, written as a JSON number or a decimal string; null otherwise. */
function readVersion(raw: unknown): number | null {
  const value = typeof raw === 'string' && /^\s*\d{1,9}\s*$/.test(raw) ? Number(raw) : raw;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? value : null;
}

function notJsonMessage(text: string): string {
  let where: ReturnType<typeof findJsonSyntaxError> = null;
  try {
    where = findJsonSyntaxError(text);
  } catch {
    // Only the position is lost; the file is still refused.
  }
  if (!where) return 'The file is not valid JSON, so it is not a scenario file.';
  return `The file is not valid JSON: ${where.problem} at line ${where.line}, column ${where.column}.`;
}

/** The first problems in one sentence; the full list is in `problems`. */
function summarize(problems: readonly ValidationError[]): string {
  if (problems.length === 0) return 'it does not match the scenario format.';
  const shown = problems
    .slice(0, 2)
    .map((p) => (p.path === '' ? p.message : `${p.path} ${p.message}`));
  const more = problems.length - shown.length;
  const tail = more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '';
  return `${shown.join('; ')}${tail}.`;
}

/** Bytes of `text` as UTF-8 (a lone surrogate counts as the 3-byte replacement character). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Mebibytes with one decimal, rounded up so a file just over the limit never reads "1.0 MB". */
function megabytes(bytes: number): string {
  return (Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1).replace(/\.0$/, '');
}
