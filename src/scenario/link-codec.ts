import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { ScenarioDoc } from './document';
import { packScenario, unpackCatalogRefs, unpackScenario } from './link-pack';
import type { CatalogRef } from './presets';
import { validateOrRepair } from './repair-scenario';
import type { ScenarioReadResult } from './repair-scenario';
import type { ValidationError } from './validation-error';

/**
 * Share links: the whole scenario in the URL fragment (never sent to a server), as
 * `s<version>.<base64url(deflate(packed JSON))>` (DESIGN section 5). Decoding accepts only
 * validated data, never throws, and says what was wrong.
 */
export const LINK_VERSION = 1;
const PREFIX = /^s(\d{1,4})\.(.*)$/s;
/** Links longer than this are refused before any decompression. */
export const MAX_LINK_CHARS = 64 * 1024;
/** A decompressed scenario larger than this is refused (a deflate bomb would be far larger). */
const MAX_JSON_BYTES = 1024 * 1024;

export function encodeScenarioLink(
  doc: ScenarioDoc,
  catalogRefs: Readonly<Record<string, CatalogRef>> = {},
): string {
  const json = JSON.stringify(packScenario(doc, catalogRefs));
  return `s${LINK_VERSION}.${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

/** What reading a link gives: the same kinds as every scenario reader (repair-scenario.ts). */
export type LinkDecodeResult = ScenarioReadResult;

/**
 * Reads a fragment (with or without the `#`). `fallback` supplies the value of any field the
 * link gets wrong, when the rest of the link is sound.
 */
export function decodeScenarioLink(fragment: string, fallback: ScenarioDoc): LinkDecodeResult {
  try {
    const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
    if (text.trim() === '') return { kind: 'empty' };
    if (text.length > MAX_LINK_CHARS) {
      return fail(
        `The link is ${text.length.toLocaleString('en')} characters long, over the ${MAX_LINK_CHARS.toLocaleString('en')} a scenario link can be.`,
      );
    }
    const match = PREFIX.exec(text);
    if (!match)
      return fail(
        'The link does not hold a scenario (it does not start with a link format version such as "s1.").',
      );
    const version = Number(match[1]);
    if (version > LINK_VERSION) {
      return fail(
        `The link was made by a newer version of this calculator (link format ${version}; this one reads up to ${LINK_VERSION}). Open it with the latest version.`,
      );
    }
    const migrate = MIGRATIONS[version];
    if (!migrate) return fail(`Link format ${version} is unknown.`);
    const bytes = fromBase64Url(match[2] ?? '');
    if (!bytes)
      return fail('The link is damaged: its data is not valid base64url (was it cut or edited?).');
    let json: string;
    try {
      const inflated = inflateSync(bytes, { out: new Uint8Array(MAX_JSON_BYTES) });
      json = strFromU8(inflated);
    } catch {
      return fail(
        'The link is damaged: its data does not decompress (was it cut short or edited?).',
      );
    }
    let packed: unknown;
    try {
      packed = JSON.parse(json);
    } catch {
      return fail('The link is damaged: its data is not readable.');
    }
    const result = validateOrRepair(migrate(unpackScenario(packed)), fallback);
    if (result.kind === 'invalid') {
      return fail('The link holds a scenario this calculator cannot accept.', result.problems);
    }
    return { ...result, catalogRefs: unpackCatalogRefs(packed, result.doc) };
  } catch (error) {
    return fail(
      `The link could not be read (${error instanceof Error ? error.message : 'unknown error'}).`,
    );
  }
}

/**
 * Upgrades the scenario input of each released link format to the current scenario format.
 * Format 1 carries scenario format v1 as is. A future format 2 adds `2: (input) => ...`.
 */
const MIGRATIONS: Record<number, (input: unknown) => unknown> = {
  1: (input) => input,
};

function fail(message: string, problems: ValidationError[] = []): LinkDecodeResult {
  return { kind: 'error', message, problems };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Unpadded base64url, written here (six lines) rather than through `btoa`, a browser global. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    const chunk = text.slice(i, i + 4);
    for (let c = 0; c < 4; c++) {
      const v = c < chunk.length ? ALPHABET.indexOf(chunk[c] as string) : 0;
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    const bytes = chunk.length - 1;
    for (let b = 0; b < bytes; b++) out[o++] = (n >> (16 - 8 * b)) & 255;
  }
  return out.subarray(0, o);
}
