import type { ScenarioDoc } from '../scenario/document';
import type { CatalogRef } from '../scenario/presets';
import { LIMITS } from '../scenario/scenario-schema';
import { validateScenario } from '../scenario/validate-scenario';
import type { CalculatorInputs } from './calculator-store';

/**
 * Saved scenarios: a list kept under one browser-storage key, as versioned JSON. Pure: the list
 * is read from and written to text here, and the UI passes that text to and from storage
 * (src/platform/storage), with the current time and fresh ids, so everything here is testable
 * without a browser.
 *
 * Stored form:
 * `{ "format": "llm-tco-saved-scenarios", "version": 1, "entries": [ { "id", "name", "savedAt",
 *    "scenario", "catalogRefs" } ] }`
 */
export const SAVED_SCENARIOS_KEY = 'llm-tco.saved.v1';
export const SAVED_FORMAT = 'llm-tco-saved-scenarios';
export const SAVED_VERSION = 1;
/** The same limit as a scenario's own name (DESIGN section 4). */
export const MAX_SAVED_NAME_CHARS = LIMITS.nameLength;
/** Appended to the name of a duplicate. */
export const COPY_SUFFIX = ' (copy)';

export const NAME_LENGTH_MESSAGE = `A name needs 1 to ${MAX_SAVED_NAME_CHARS} characters.`;
export const NOT_FOUND_MESSAGE =
  'That saved scenario is no longer there (was it deleted in another tab?).';

export type SavedScenario = {
  id: string;
  name: string;
  /** ISO 8601 time of the save. */
  savedAt: string;
  /** A validated scenario document, defaults filled in. */
  doc: ScenarioDoc;
  catalogRefs: Readonly<Record<string, CatalogRef>>;
};

/**
 * One stored entry: readable, or kept as it was found. An unreadable entry (hand-edited, from a
 * damaged write) is skipped in the list but written back unchanged, so saving something else
 * never deletes it; the user removes it explicitly.
 */
export type SavedItem =
  { ok: true; entry: SavedScenario } | { ok: false; raw: unknown; problem: string };

export type SavedList = {
  items: readonly SavedItem[];
  /**
   * False when the stored value as a whole could not be read (not JSON, another format, a newer
   * version): writing would replace data this version does not understand.
   */
  writable: boolean;
  /** Why the list, or an entry of it, could not be read; one sentence each. */
  problems: readonly string[];
  /** True when the stored value is from a newer version of the calculator. */
  newer: boolean;
};

export type SavedChange = { ok: true; list: SavedList } | { ok: false; message: string };

export const EMPTY_SAVED_LIST: SavedList = {
  items: [],
  writable: true,
  problems: [],
  newer: false,
};

/** The readable entries, in stored order (the newest save first). */
export function savedEntries(list: SavedList): SavedScenario[] {
  return list.items.flatMap((item) => (item.ok ? [item.entry] : []));
}

/**
 * Reads the stored text (null: nothing saved yet). Never throws: each entry is validated on its
 * own, and a bad one is reported by position and name while the others load.
 */
export function readSavedList(text: string | null): SavedList {
  if (text === null) return EMPTY_SAVED_LIST;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return unreadable('The saved scenarios in this browser are damaged (not readable as JSON).');
  }
  if (!isRecord(data) || data.format !== SAVED_FORMAT) {
    return unreadable('The saved scenarios in this browser are not in a format this page knows.');
  }
  if (typeof data.version === 'number' && data.version > SAVED_VERSION) {
    return {
      items: [],
      writable: false,
      newer: true,
      problems: [
        `The saved scenarios were written by a newer version of this calculator (list format ${data.version}; this one reads ${SAVED_VERSION}). Open them there; saving here is turned off so they are not overwritten.`,
      ],
    };
  }
  if (data.version !== SAVED_VERSION || !Array.isArray(data.entries)) {
    return unreadable('The saved scenarios in this browser are damaged (no list of entries).');
  }
  const seen = new Map<string, number>();
  const problems: string[] = [];
  const items = data.entries.map((raw: unknown, index): SavedItem => {
    const read = readEntry(raw);
    const label = entryLabel(raw, index);
    if (!read.ok) {
      const problem = `${label} was skipped: ${read.problem}.`;
      problems.push(problem);
      return { ok: false, raw, problem };
    }
    const first = seen.get(read.entry.id);
    if (first !== undefined) {
      const problem = `${label} was skipped: it has the same id as saved entry ${first + 1}.`;
      problems.push(problem);
      return { ok: false, raw, problem };
    }
    seen.set(read.entry.id, index);
    return read;
  });
  return { items, writable: true, problems, newer: false };
}

/** The stored text of a list, unreadable entries included as they were found. */
export function serializeSavedList(list: SavedList): string {
  return JSON.stringify({
    format: SAVED_FORMAT,
    version: SAVED_VERSION,
    entries: list.items.map((item) => (item.ok ? toStored(item.entry) : item.raw)),
  });
}

/** A name as stored: trimmed, 1..120 characters; null when it is not acceptable. */
export function normalizeSavedName(name: string): string | null {
  const trimmed = name.trim();
  return trimmed.length >= 1 && trimmed.length <= MAX_SAVED_NAME_CHARS ? trimmed : null;
}

/** A new id, unique in the list (ids only need to be unique within one browser's list). */
export function newSavedId(list: SavedList, now: Date, random: () => number = Math.random): string {
  const taken = new Set(list.items.flatMap((item) => (item.ok ? [item.entry.id] : [])));
  for (;;) {
    const id = `s${now.getTime().toString(36)}-${Math.floor(random() * 36 ** 6).toString(36)}`;
    if (!taken.has(id)) return id;
  }
}

/** Saves a scenario as a new entry at the top of the list. */
export function addSavedScenario(
  list: SavedList,
  input: { name: string; doc: ScenarioDoc; catalogRefs: Readonly<Record<string, CatalogRef>> },
  id: string,
  now: Date,
): SavedChange {
  const name = normalizeSavedName(input.name);
  if (name === null) return { ok: false, message: NAME_LENGTH_MESSAGE };
  const valid = validateScenario(input.doc);
  if (!valid.ok) {
    return { ok: false, message: 'The scenario has invalid inputs and cannot be saved.' };
  }
  const doc = valid.document;
  const entry: SavedScenario = {
    id,
    name,
    savedAt: now.toISOString(),
    doc,
    catalogRefs: cleanCatalogRefs(input.catalogRefs, doc),
  };
  return changed(list, [{ ok: true, entry }, ...list.items]);
}

export function renameSavedScenario(list: SavedList, id: string, newName: string): SavedChange {
  const name = normalizeSavedName(newName);
  if (name === null) return { ok: false, message: NAME_LENGTH_MESSAGE };
  const index = indexOf(list, id);
  const item = list.items[index];
  if (!item?.ok) return { ok: false, message: NOT_FOUND_MESSAGE };
  const items = [...list.items];
  items[index] = { ok: true, entry: { ...item.entry, name } };
  return changed(list, items);
}

/** A copy named "… (copy)", placed just after the original. */
export function duplicateSavedScenario(
  list: SavedList,
  id: string,
  newId: string,
  now: Date,
): SavedChange {
  const index = indexOf(list, id);
  const item = list.items[index];
  if (!item?.ok) return { ok: false, message: NOT_FOUND_MESSAGE };
  const copy: SavedScenario = {
    ...item.entry,
    id: newId,
    name: copyName(item.entry.name),
    savedAt: now.toISOString(),
  };
  const items = [...list.items];
  items.splice(index + 1, 0, { ok: true, entry: copy });
  return changed(list, items);
}

export function copyName(name: string): string {
  const room = MAX_SAVED_NAME_CHARS - COPY_SUFFIX.length;
  const base = name.length > room ? `${name.slice(0, room - 1).trimEnd()}…` : name;
  return `${base}${COPY_SUFFIX}`;
}

/** What a deletion removed, so it can be undone in place. */
export type RemovedScenario = { entry: SavedScenario; index: number };

export function deleteSavedScenario(
  list: SavedList,
  id: string,
): { ok: true; list: SavedList; removed: RemovedScenario } | { ok: false; message: string } {
  const index = indexOf(list, id);
  const item = list.items[index];
  if (!item?.ok) return { ok: false, message: NOT_FOUND_MESSAGE };
  const items = list.items.filter((_, i) => i !== index);
  return { ok: true, list: { ...list, items }, removed: { entry: item.entry, index } };
}

/** Puts a deleted entry back where it was (or at the end, if the list got shorter meanwhile). */
export function restoreSavedScenario(list: SavedList, removed: RemovedScenario): SavedChange {
  if (indexOf(list, removed.entry.id) >= 0) return { ok: true, list };
  const items = [...list.items];
  items.splice(Math.min(removed.index, items.length), 0, { ok: true, entry: removed.entry });
  return changed(list, items);
}

/** Drops the entries that could not be read: the user's explicit choice, never automatic. */
export function discardUnreadableEntries(list: SavedList): SavedChange {
  if (!list.writable && list.newer) {
    return { ok: false, message: 'Saved scenarios from a newer version are not discarded here.' };
  }
  return { ok: true, list: { ...EMPTY_SAVED_LIST, items: list.items.filter((item) => item.ok) } };
}

/** The calculator inputs of a saved scenario: `load` replaces the scenario with it (one undo step). */
export function inputsFromSaved(entry: SavedScenario): CalculatorInputs {
  return {
    doc: entry.doc,
    validDoc: entry.doc,
    origin: { presetId: null, loaded: entry.doc, catalogRefs: entry.catalogRefs },
  };
}

// ---------------------------------------------------------------------------------------------

function unreadable(problem: string): SavedList {
  return { items: [], writable: false, newer: false, problems: [problem] };
}

/** A changed list keeps the problems of the entries still in it. */
function changed(list: SavedList, items: SavedItem[]): SavedChange {
  const problems = items.flatMap((item) => (item.ok ? [] : [item.problem]));
  return { ok: true, list: { ...list, items, problems } };
}

function indexOf(list: SavedList, id: string): number {
  return list.items.findIndex((item) => item.ok && item.entry.id === id);
}

const ENTRY_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** An ISO 8601 date-time as `Date#toISOString` writes it, or with an offset. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const CATALOG_ID = /^[a-z0-9][a-z0-9.-]{0,63}$/;
const GPU_PRICES: readonly string[] = ['onDemandHourly', 'committedHourly', 'purchasePerGpu'];

function readEntry(
  raw: unknown,
): { ok: true; entry: SavedScenario } | { ok: false; problem: string } {
  if (!isRecord(raw)) return { ok: false, problem: 'it is not an entry object' };
  const { id, name, savedAt, scenario, catalogRefs } = raw;
  if (typeof id !== 'string' || !ENTRY_ID.test(id)) {
    return { ok: false, problem: 'its id is missing or not 1-64 letters, digits, "_" or "-"' };
  }
  const cleanName = typeof name === 'string' ? normalizeSavedName(name) : null;
  if (cleanName === null) {
    return {
      ok: false,
      problem: `its name must be text of 1 to ${MAX_SAVED_NAME_CHARS} characters`,
    };
  }
  if (typeof savedAt !== 'string' || !ISO_TIME.test(savedAt) || Number.isNaN(Date.parse(savedAt))) {
    return { ok: false, problem: 'its saved date is missing or not an ISO date and time' };
  }
  const valid = validateScenario(scenario);
  if (!valid.ok) {
    const [first, ...more] = valid.errors;
    const where = first?.path ? ` at ${first.path}` : '';
    const rest =
      more.length > 0 ? ` (and ${more.length} more problem${more.length === 1 ? '' : 's'})` : '';
    return {
      ok: false,
      problem: `its scenario is invalid${where}: ${first?.message ?? 'unknown problem'}${rest}`,
    };
  }
  if (catalogRefs !== undefined && !isRecord(catalogRefs)) {
    return { ok: false, problem: 'its catalogRefs must be an object' };
  }
  const doc = valid.document;
  return {
    ok: true,
    entry: {
      id,
      name: cleanName,
      savedAt,
      doc,
      catalogRefs: cleanCatalogRefs(catalogRefs ?? {}, doc),
    },
  };
}

/**
 * Catalog references are provenance only (where a number came from), so a malformed one is
 * dropped rather than costing the entry: references to options the scenario does not have, ids
 * that are not catalog ids, unknown price bases.
 */
function cleanCatalogRefs(refs: unknown, doc: ScenarioDoc): Record<string, CatalogRef> {
  const out: Record<string, CatalogRef> = {};
  if (!isRecord(refs)) return out;
  const catalogId = (v: unknown) => (typeof v === 'string' && CATALOG_ID.test(v) ? v : undefined);
  for (const option of doc.options) {
    if (!Object.hasOwn(refs, option.id)) continue;
    const raw = refs[option.id];
    if (!isRecord(raw)) continue;
    const ref: CatalogRef = {};
    const apiModelId = catalogId(raw.apiModelId);
    const profileId = catalogId(raw.profileId);
    const gpuId = catalogId(raw.gpuId);
    if (apiModelId) ref.apiModelId = apiModelId;
    if (profileId) ref.profileId = profileId;
    if (gpuId) ref.gpuId = gpuId;
    if (typeof raw.gpuPrice === 'string' && GPU_PRICES.includes(raw.gpuPrice)) {
      ref.gpuPrice = raw.gpuPrice as NonNullable<CatalogRef['gpuPrice']>;
    }
    if (Object.keys(ref).length > 0) out[option.id] = ref;
  }
  return out;
}

function toStored(entry: SavedScenario) {
  return {
    id: entry.id,
    name: entry.name,
    savedAt: entry.savedAt,
    scenario: entry.doc,
    catalogRefs: entry.catalogRefs,
  };
}

/** "Saved entry 3 ("Q3 plan")": by position, and by name when it has one to show. */
function entryLabel(raw: unknown, index: number): string {
  const name = isRecord(raw) && typeof raw.name === 'string' ? raw.name.trim() : '';
  const shown = name.length > 60 ? `${name.slice(0, 59)}…` : name;
  return `Saved entry ${index + 1}${shown ? ` ("${shown}")` : ''}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
