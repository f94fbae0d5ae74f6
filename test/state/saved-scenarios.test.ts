/**
 * The saved-scenario list as pure data: reading never throws and never loses a readable entry to
 * an unreadable one, names are checked, and every change keeps what it did not touch.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EMPTY_SAVED_LIST,
  MAX_SAVED_NAME_CHARS,
  NAME_LENGTH_MESSAGE,
  SAVED_FORMAT,
  addSavedScenario,
  copyName,
  deleteSavedScenario,
  discardUnreadableEntries,
  duplicateSavedScenario,
  inputsFromSaved,
  newSavedId,
  normalizeSavedName,
  readSavedList,
  renameSavedScenario,
  restoreSavedScenario,
  savedEntries,
  serializeSavedList,
} from '../../src/state/saved-scenarios';
import type { SavedChange, SavedList } from '../../src/state/saved-scenarios';
import { validateScenario } from '../../src/scenario/validate-scenario';
import type { ScenarioDoc } from '../../src/scenario/document';
import { DEFAULT_PRESET } from '../../src/scenario/presets';
import { WORKED_EXAMPLE } from '../core/worked-example';

function docOf(input: unknown): ScenarioDoc {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.document;
}

const WORKED = docOf(WORKED_EXAMPLE);
const DEFAULT = docOf(DEFAULT_PRESET.scenario);
const NOW = new Date('2026-05-04T10:20:30.000Z');
const LATER = new Date('2026-05-05T08:00:00.000Z');

function ok(change: SavedChange): SavedList {
  if (!change.ok) throw new Error(change.message);
  return change.list;
}

/** A list with the given names saved in order (so the last is first). */
function listOf(...names: string[]): SavedList {
  let list = EMPTY_SAVED_LIST;
  names.forEach((name, i) => {
    list = ok(addSavedScenario(list, { name, doc: WORKED, catalogRefs: {} }, `id-${i}`, NOW));
  });
  return list;
}

const names = (list: SavedList) => savedEntries(list).map((e) => e.name);

/** Stored text with the given raw entries. */
const stored = (entries: unknown[]) =>
  JSON.stringify({ format: SAVED_FORMAT, version: 1, entries });
const goodEntry = (id: string, name: string) => ({
  id,
  name,
  savedAt: '2026-05-01T09:00:00.000Z',
  scenario: WORKED_EXAMPLE,
  catalogRefs: {},
});

describe('names', () => {
  it('are trimmed and 1 to 120 characters', () => {
    expect(normalizeSavedName('  Q3 plan \n')).toBe('Q3 plan');
    expect(normalizeSavedName('   ')).toBeNull();
    expect(normalizeSavedName('')).toBeNull();
    expect(normalizeSavedName('x'.repeat(MAX_SAVED_NAME_CHARS))).toHaveLength(120);
    expect(normalizeSavedName('x'.repeat(MAX_SAVED_NAME_CHARS + 1))).toBeNull();
    expect(normalizeSavedName(` ${'x'.repeat(MAX_SAVED_NAME_CHARS)} `)).toHaveLength(120);
  });

  it('refuses to save or rename to an empty or too long name', () => {
    const list = listOf('A');
    const bad = ['', '  ', 'y'.repeat(121)];
    for (const name of bad) {
      expect(addSavedScenario(list, { name, doc: WORKED, catalogRefs: {} }, 'n', NOW)).toEqual({
        ok: false,
        message: NAME_LENGTH_MESSAGE,
      });
      expect(renameSavedScenario(list, 'id-0', name)).toEqual({
        ok: false,
        message: NAME_LENGTH_MESSAGE,
      });
    }
  });

  it('a copy is named "… (copy)" and stays within 120 characters', () => {
    expect(copyName('Plan')).toBe('Plan (copy)');
    const long = copyName('z'.repeat(120));
    expect(long).toHaveLength(120);
    expect(long.endsWith('… (copy)')).toBe(true);
  });
});

describe('changes', () => {
  it('saves newest first, with the time and the validated document', () => {
    const list = listOf('first', 'second');
    expect(names(list)).toEqual(['second', 'first']);
    const [entry] = savedEntries(list);
    expect(entry?.savedAt).toBe('2026-05-04T10:20:30.000Z');
    expect(entry?.doc).toEqual(WORKED);
  });

  it('renames, duplicates just after the original, deletes and restores in place', () => {
    let list = listOf('c', 'b', 'a');
    list = ok(renameSavedScenario(list, 'id-1', '  bee  '));
    expect(names(list)).toEqual(['a', 'bee', 'c']);
    list = ok(duplicateSavedScenario(list, 'id-1', 'copy-1', LATER));
    expect(names(list)).toEqual(['a', 'bee', 'bee (copy)', 'c']);
    const copy = savedEntries(list)[2];
    expect(copy?.id).toBe('copy-1');
    expect(copy?.savedAt).toBe(LATER.toISOString());
    expect(copy?.doc).toEqual(savedEntries(list)[1]?.doc);

    const removed = deleteSavedScenario(list, 'id-1');
    if (!removed.ok) throw new Error(removed.message);
    expect(names(removed.list)).toEqual(['a', 'bee (copy)', 'c']);
    const restored = ok(restoreSavedScenario(removed.list, removed.removed));
    expect(names(restored)).toEqual(['a', 'bee', 'bee (copy)', 'c']);
    // Restoring twice (an undo pressed in two tabs) does not make two.
    expect(names(ok(restoreSavedScenario(restored, removed.removed)))).toHaveLength(4);
  });

  it('says so when the entry is gone', () => {
    const list = listOf('a');
    expect(renameSavedScenario(list, 'nope', 'x').ok).toBe(false);
    expect(duplicateSavedScenario(list, 'nope', 'n', NOW).ok).toBe(false);
    expect(deleteSavedScenario(list, 'nope').ok).toBe(false);
  });

  it('refuses a scenario that does not validate', () => {
    const broken = { ...WORKED, workloads: [{ ...WORKED.workloads[0], inputShare: 'abc' }] };
    const result = addSavedScenario(
      EMPTY_SAVED_LIST,
      { name: 'x', doc: broken as ScenarioDoc, catalogRefs: {} },
      'n',
      NOW,
    );
    expect(result.ok).toBe(false);
  });

  it('gives ids that are unique in the list', () => {
    const list = listOf('a');
    const taken = savedEntries(list)[0]?.id ?? '';
    let calls = 0;
    // The first guess collides with an existing id on purpose.
    const clashing = ok(
      addSavedScenario(list, { name: 'b', doc: WORKED, catalogRefs: {} }, taken, NOW),
    );
    const id = newSavedId(clashing, NOW, () => (calls++ === 0 ? 0 : 0.5));
    expect(savedEntries(clashing).map((e) => e.id)).not.toContain(id);
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('opens as the loaded document of a scenario with no preset', () => {
    const [entry] = savedEntries(
      ok(
        addSavedScenario(
          EMPTY_SAVED_LIST,
          { name: 'd', doc: DEFAULT, catalogRefs: DEFAULT_PRESET.catalogRefs },
          'd',
          NOW,
        ),
      ),
    );
    if (!entry) throw new Error('not saved');
    const inputs = inputsFromSaved(entry);
    expect(inputs.doc).toBe(entry.doc);
    expect(inputs.validDoc).toBe(entry.doc);
    expect(inputs.origin).toEqual({
      presetId: null,
      loaded: entry.doc,
      catalogRefs: DEFAULT_PRESET.catalogRefs,
    });
  });
});

describe('reading stored text', () => {
  it('reads back what it writes', () => {
    const list = ok(
      addSavedScenario(
        listOf('one', 'two'),
        { name: 'three', doc: DEFAULT, catalogRefs: DEFAULT_PRESET.catalogRefs },
        'x3',
        NOW,
      ),
    );
    const text = serializeSavedList(list);
    const back = readSavedList(text);
    expect(back.problems).toEqual([]);
    expect(back.writable).toBe(true);
    expect(savedEntries(back)).toEqual(savedEntries(list));
    expect(JSON.parse(text)).toMatchObject({ format: SAVED_FORMAT, version: 1 });
    expect(JSON.parse(text).entries[0]).toEqual({
      id: 'x3',
      name: 'three',
      savedAt: NOW.toISOString(),
      scenario: DEFAULT,
      catalogRefs: DEFAULT_PRESET.catalogRefs,
    });
  });

  it('is empty and writable when nothing was saved', () => {
    expect(readSavedList(null)).toEqual(EMPTY_SAVED_LIST);
  });

  it('skips a bad entry with a message naming it, keeps the others, and writes it back as found', () => {
    const bad = {
      ...goodEntry('b', 'Broken plan'),
      scenario: {
        ...WORKED_EXAMPLE,
        workloads: [{ ...WORKED_EXAMPLE.workloads[0], inputShare: 1.5 }],
      },
    };
    const list = readSavedList(
      stored([
        goodEntry('a', 'Alpha'),
        bad,
        42,
        goodEntry('a', 'Alpha again'),
        goodEntry('c', 'Gamma'),
      ]),
    );
    expect(names(list)).toEqual(['Alpha', 'Gamma']);
    expect(list.writable).toBe(true);
    expect(list.problems).toHaveLength(3);
    expect(list.problems[0]).toMatch(
      /^Saved entry 2 \("Broken plan"\) was skipped: its scenario is invalid at workloads\[0\]\.inputShare: /,
    );
    expect(list.problems[1]).toBe('Saved entry 3 was skipped: it is not an entry object.');
    expect(list.problems[2]).toBe(
      'Saved entry 4 ("Alpha again") was skipped: it has the same id as saved entry 1.',
    );
    // A later save keeps the unreadable entries untouched.
    const after = ok(
      addSavedScenario(list, { name: 'New', doc: WORKED, catalogRefs: {} }, 'n', NOW),
    );
    const written = JSON.parse(serializeSavedList(after)).entries;
    expect(written).toHaveLength(6);
    expect(written[2]).toEqual(bad);
    expect(written[3]).toBe(42);
    expect(after.problems).toHaveLength(3);
    // Until the user removes them.
    const cleaned = ok(discardUnreadableEntries(after));
    expect(names(cleaned)).toEqual(['New', 'Alpha', 'Gamma']);
    expect(cleaned.problems).toEqual([]);
    expect(JSON.parse(serializeSavedList(cleaned)).entries).toHaveLength(3);
  });

  it.each([
    ['a missing id', { ...goodEntry('', 'x'), id: undefined }, /its id/],
    ['an id with spaces', goodEntry('a b', 'x'), /its id/],
    ['an empty name', goodEntry('a', '   '), /its name/],
    ['a name of 121 characters', goodEntry('a', 'n'.repeat(121)), /its name/],
    ['a name that is not text', { ...goodEntry('a', 'x'), name: 7 }, /its name/],
    ['a date that is not ISO', { ...goodEntry('a', 'x'), savedAt: 'yesterday' }, /saved date/],
    [
      'an impossible date',
      { ...goodEntry('a', 'x'), savedAt: '2026-13-45T99:00:00Z' },
      /saved date/,
    ],
    ['no scenario', { ...goodEntry('a', 'x'), scenario: undefined }, /scenario is invalid/],
    ['catalogRefs that are a list', { ...goodEntry('a', 'x'), catalogRefs: [] }, /catalogRefs/],
    [
      'a prototype key in the scenario',
      { ...goodEntry('a', 'x'), scenario: JSON.parse('{"__proto__": {"x": 1}}') },
      /scenario is invalid/,
    ],
  ])('skips an entry with %s', (_, entry, message) => {
    const list = readSavedList(stored([entry, goodEntry('ok', 'Fine')]));
    expect(names(list)).toEqual(['Fine']);
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]).toMatch(message);
  });

  it('drops malformed catalog references but keeps the entry', () => {
    const list = readSavedList(
      stored([
        {
          ...goodEntry('a', 'x'),
          catalogRefs: {
            api: { apiModelId: 'gpt-5', junk: 1 },
            h100: { gpuId: 'BAD ID', gpuPrice: 'free', profileId: 'llama.x' },
            nosuchoption: { apiModelId: 'gpt-5' },
          },
        },
      ]),
    );
    expect(list.problems).toEqual([]);
    expect(savedEntries(list)[0]?.catalogRefs).toEqual({
      api: { apiModelId: 'gpt-5' },
      h100: { profileId: 'llama.x' },
    });
  });

  it.each([
    ['text that is not JSON', '{"format": "llm-tco-saved', /not readable as JSON/],
    ['another format', JSON.stringify({ format: 'something', entries: [] }), /not in a format/],
    ['a list without entries', JSON.stringify({ format: SAVED_FORMAT, version: 1 }), /no list/],
    ['JSON null', 'null', /not in a format/],
  ])('marks %s unreadable and not writable', (_, text, message) => {
    const list = readSavedList(text);
    expect(list.items).toEqual([]);
    expect(list.writable).toBe(false);
    expect(list.problems[0]).toMatch(message);
    // Saving on top of it is refused until the user discards it.
    const saved = ok(addSavedScenario(list, { name: 'x', doc: WORKED, catalogRefs: {} }, 'x', NOW));
    expect(saved.writable).toBe(false);
    expect(ok(discardUnreadableEntries(list)).writable).toBe(true);
  });

  it('leaves a list from a newer version alone', () => {
    const list = readSavedList(JSON.stringify({ format: SAVED_FORMAT, version: 2, entries: [] }));
    expect(list.writable).toBe(false);
    expect(list.newer).toBe(true);
    expect(list.problems[0]).toMatch(/newer version/);
    expect(discardUnreadableEntries(list).ok).toBe(false);
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const list = readSavedList(text);
        expect(Array.isArray(list.items)).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 5 }), (entries) => {
        const list = readSavedList(stored([...entries, goodEntry('keep', 'Keep')]));
        expect(names(list)).toContain('Keep');
      }),
      { numRuns: 200 },
    );
  });
});
