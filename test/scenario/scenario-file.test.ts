import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ScenarioDoc } from '../../src/scenario/document';
import { setAt } from '../../src/scenario/doc-path';
import type { DocPath } from '../../src/scenario/doc-path';
import { findJsonSyntaxError } from '../../src/scenario/files/json-syntax';
import {
  MAX_SCENARIO_FILE_BYTES,
  readScenarioFile,
  scenarioFileName,
  scenarioToJson,
} from '../../src/scenario/files/scenario-file';
import type { FileReadResult } from '../../src/scenario/files/scenario-file';
import { parsePath, validateOrRepair } from '../../src/scenario/repair-scenario';
import { DEFAULT_PRESET, PRESETS } from '../../src/scenario/presets';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { scenarioArb } from '../core/brute-force';

function docOf(input: unknown): ScenarioDoc {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.document;
}
const fallback = docOf(DEFAULT_PRESET.scenario);
const goodFile = scenarioToJson(fallback);
const KINDS = new Set(['empty', 'ok', 'repaired', 'error']);

function expectWellFormed(result: FileReadResult) {
  expect(KINDS.has(result.kind)).toBe(true);
  if (result.kind === 'ok' || result.kind === 'repaired') {
    expect(validateScenario(result.doc).ok).toBe(true);
    expect(result.catalogRefs).toEqual({});
  }
  if (result.kind === 'repaired') expect(result.problems.length).toBeGreaterThan(0);
  if (result.kind === 'error') expect(result.message.length).toBeGreaterThan(10);
}

function errorOf(text: string): { message: string; problems: unknown[] } {
  const result = readScenarioFile(text, fallback);
  if (result.kind !== 'error') throw new Error(`expected an error, got ${result.kind}`);
  return result;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('scenario files: writing', () => {
  it('is the v1 document, pretty-printed, format and version first, with a final newline', () => {
    expect(goodFile.startsWith('{\n  "format": "llm-tco-scenario",\n  "version": 1,\n')).toBe(true);
    expect(goodFile.endsWith('}\n')).toBe(true);
    expect(goodFile).toBe(`${JSON.stringify(JSON.parse(goodFile), null, 2)}\n`);
    expect(JSON.parse(goodFile)).toEqual(fallback);
  });

  it('writes every number as an exact decimal string, never a float or exponent', () => {
    const tiny = '0.0000000000000000000000000000000000000001';
    const doc = docOf(
      setAt(
        setAt(
          setAt(fallback, ['workloads', 0, 'tokensPerDay'], '1e12'),
          ['options', 0, 'inputPerM'],
          '1e-40',
        ),
        ['workloads', 0, 'inputShare'],
        0.1,
      ),
    );
    const text = scenarioToJson(doc);
    const parsed = JSON.parse(text) as ScenarioDoc;
    expect(parsed.workloads[0]?.tokensPerDay).toBe('1000000000000');
    expect(parsed.workloads[0]?.inputShare).toBe('0.1');
    expect(parsed.options[0]).toMatchObject({ inputPerM: tiny });
    expect(text).not.toMatch(/\d[eE][+-]?\d/);
    // Only `version` is a JSON number.
    expect(text.match(/: -?\d/g)).toEqual([': 1']);
  });

  it('suggests a file name from the scenario name', () => {
    expect(scenarioFileName(fallback)).toBe(
      'support-assistant-gpt-5-api-or-llama-3-3-70b-on-rented-h100s.json',
    );
    expect(scenarioFileName({ ...fallback, name: 'Coût / 2026: "Q3"' })).toBe('coût-2026-q3.json');
    expect(scenarioFileName({ ...fallback, name: '***' })).toBe('scenario.json');
  });
});

describe('scenario files: round trip', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s reads back as the same document', (_, p) => {
    const doc = docOf(p.scenario);
    expect(readScenarioFile(scenarioToJson(doc), fallback)).toEqual({
      kind: 'ok',
      doc,
      catalogRefs: {},
    });
  });

  it('reads back any generated valid scenario exactly', () => {
    fc.assert(
      fc.property(scenarioArb({ horizonMonths: 24 }), fc.string({ maxLength: 120 }), (s, name) => {
        const doc = docOf({ ...s, name });
        expect(readScenarioFile(scenarioToJson(doc), fallback)).toEqual({
          kind: 'ok',
          doc,
          catalogRefs: {},
        });
      }),
      { numRuns: 300 },
    );
  });

  it('reads back a scenario at the format limits (50 workloads, 30 options, 12 strategies)', () => {
    const api = fallback.options[0]!;
    const host = fallback.options[1]!;
    const workload = fallback.workloads[0]!;
    const big = docOf({
      ...fallback,
      name: 'N'.repeat(120),
      workloads: Array.from({ length: 50 }, (_, i) => ({
        ...workload,
        id: `workload-${i}`,
        name: `Workload ${i} `.padEnd(120, 'x'),
      })),
      options: Array.from({ length: 30 }, (_, i) => ({
        ...(i % 2 === 0 ? api : host),
        id: `option-${i}`,
        name: `Option ${i} `.padEnd(120, 'x'),
      })),
      strategies: Array.from({ length: 12 }, (_, s) => ({
        id: `strategy-${s}`,
        name: `Strategy ${s} `.padEnd(120, 'x'),
        routes: Array.from({ length: 50 }, (_, w) => ({
          workloadId: `workload-${w}`,
          optionId: `option-${(s + w) % 30}`,
          share: '1',
        })),
      })),
    });
    const text = scenarioToJson(big);
    expect(text.length).toBeLessThan(MAX_SCENARIO_FILE_BYTES / 4);
    expect(readScenarioFile(text, fallback)).toEqual({ kind: 'ok', doc: big, catalogRefs: {} });
  });

  it('accepts a byte order mark, Windows line endings and a hand-written file', () => {
    expect(readScenarioFile(`\uFEFF${goodFile}`, fallback)).toMatchObject({ kind: 'ok' });
    expect(readScenarioFile(goodFile.replace(/\n/g, '\r\n'), fallback)).toMatchObject({
      kind: 'ok',
      doc: fallback,
    });
    // JSON numbers, omitted defaults and a version written as text are all fine (DESIGN 4).
    const handWritten = {
      format: 'llm-tco-scenario',
      version: '1',
      workloads: [{ id: 'w', tokensPerDay: 1e9, inputShare: 0.1 }],
      options: [{ kind: 'api', id: 'a', inputPerM: 0.15, outputPerM: 0.6 }],
      strategies: [{ id: 's', routes: [{ workloadId: 'w', optionId: 'a', share: 1 }] }],
    };
    const result = readScenarioFile(json(handWritten), fallback);
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') {
      expect(result.doc.workloads[0]).toMatchObject({
        tokensPerDay: '1000000000',
        inputShare: '0.1',
      });
      expect(result.doc.options[0]).toMatchObject({ cachedInputPerM: '0.15' });
    }
  });
});

describe('scenario files: what is wrong, in words', () => {
  it('says an empty file is empty', () => {
    for (const text of ['', '   \n', '\uFEFF', '\uFEFF \r\n']) {
      expect(readScenarioFile(text, fallback)).toEqual({ kind: 'empty' });
    }
  });

  it('refuses a file over 1 MB before parsing it', () => {
    const big = `${goodFile.slice(0, -2)}, "padding": "${'x'.repeat(MAX_SCENARIO_FILE_BYTES)}" }`;
    expect(errorOf(big).message).toMatch(/^The file is 1\.1 MB, over the 1 MB a scenario file/);
    // Counted in UTF-8 bytes: 400k three-byte characters are 1.2 MB.
    expect(errorOf(`"${'€'.repeat(400_000)}"`).message).toMatch(/is 1\.2 MB, over the 1 MB/);
  });

  it.each([
    [
      '{"format": "llm-tco-scenario",}',
      'expected a field name in double quotes (JSON allows no comma before "}") at line 1, column 31',
    ],
    [
      '{\n  "format": "llm-tco-scenario"\n  "version": 1\n}',
      'expected "," or "}" at line 3, column 3',
    ],
    ['{"a": [1, 2,]}', 'expected a value (JSON allows no comma before "]") at line 1, column 13'],
    ["{'format': 1}", 'expected a field name in double quotes at line 1, column 2'],
    ['{"a": \'x\'}', 'expected a value (JSON text is in double quotes) at line 1, column 7'],
    [
      '{"a": "line\nbreak"}',
      'a text value holds a line break or control character (write it as \\n or \\t) at line 1, column 12',
    ],
    ['{"a": "\\x"}', 'a backslash in a text value starts no valid escape at line 1, column 8'],
    ['{"a": "open', 'a text value is not closed with a double quote at line 1, column 7'],
    ['{"a": 1', 'the text ends where "," or a closing bracket was expected at line 1, column 8'],
    ['{"a": -}', 'a number is malformed at line 1, column 7'],
    ['{"a": 1} {"b": 2}', 'unexpected text after the end of the JSON value at line 1, column 10'],
    ['{"a" 1}', 'expected ":" after the field name at line 1, column 6'],
    ['{"€": 1 2}', 'expected "," or "}" at line 1, column 9'],
    ['s1.eJyrVkrOz0lVslI', 'expected a value at line 1, column 1'],
  ])('not JSON: %j', (text, where) => {
    expect(errorOf(text).message).toBe(`The file is not valid JSON: ${where}.`);
  });

  it.each([
    ['[1, 2]', 'The file holds a list where a scenario'],
    ['42', 'The file holds number 42 where a scenario'],
    ['"llm-tco-scenario"', 'The file holds the text "llm-tco-scenario" where a scenario'],
    ['null', 'The file holds null where a scenario'],
    ['true', 'The file holds boolean true where a scenario'],
  ])('JSON that is not an object: %s', (text, start) => {
    expect(errorOf(text).message).toMatch(new RegExp(`^${start.replace(/[[\]]/g, '\\$&')}`));
    expect(errorOf(text).message).toContain('"format": "llm-tco-scenario"');
  });

  const withFields = (fields: Record<string, unknown>) => {
    const doc: Record<string, unknown> = { ...fallback, ...fields };
    for (const [k, v] of Object.entries(fields)) if (v === undefined) delete doc[k];
    return json(doc);
  };

  const FORMAT_CASES: [Record<string, unknown>, RegExp][] = [
    [
      { format: undefined },
      /^The file is not a scenario of this calculator: it has no "format": "llm-tco-scenario" field\.$/,
    ],
    [
      { format: 'llm-tco-scenarios' },
      /its "format" is the text "llm-tco-scenarios", not "llm-tco-scenario"\./,
    ],
    [{ format: 1 }, /its "format" is number 1, not "llm-tco-scenario"/],
    [{ version: undefined }, /has no "version" field.*reads scenario format version 1/],
    [
      { version: 2 },
      /^The file was made by a newer version of this calculator \(scenario format version 2; this one reads up to version 1\)/,
    ],
    [{ version: '7' }, /made by a newer version of this calculator \(scenario format version 7;/],
    [{ version: 0 }, /"version" is number 0, which is not a version of the scenario format/],
    [{ version: 1.5 }, /"version" is number 1\.5, which is not a version/],
    [{ version: 'one' }, /"version" is the text "one", which is not a version/],
    [{ version: null }, /"version" is null, which is not a version/],
  ];
  const label = (fields: Record<string, unknown>) =>
    Object.entries(fields)
      .map(([k, v]) => `${k} ${v === undefined ? 'missing' : JSON.stringify(v)}`)
      .join();
  it.each(FORMAT_CASES.map(([fields, message]) => [label(fields), fields, message] as const))(
    'format and version: %s',
    (_, fields, message) => {
      const error = errorOf(withFields(fields));
      expect(error.message).toMatch(message);
      expect(error.problems).toEqual([]);
    },
  );

  it('resets invalid fields from the fallback and lists each one', () => {
    let broken: unknown = setAt(fallback, ['workloads', 0, 'inputShare'], '7');
    broken = setAt(broken, ['options', 0, 'outputPerM'], 'NaN');
    broken = setAt(broken, ['settings', 'horizonMonths'], 1000);
    const result = readScenarioFile(json(broken), docOf(PRESETS[1]!.scenario));
    expect(result.kind).toBe('repaired');
    if (result.kind !== 'repaired') return;
    expect(result.problems.map((p) => p.path).sort()).toEqual([
      'options[0].outputPerM',
      'settings.horizonMonths',
      'workloads[0].inputShare',
    ]);
    expect(result.problems.find((p) => p.path === 'workloads[0].inputShare')?.message).toMatch(
      /at most 1, got 7/,
    );
    const other = docOf(PRESETS[1]!.scenario);
    expect(result.doc.workloads[0]?.inputShare).toBe(other.workloads[0]?.inputShare);
    expect(result.doc.settings.horizonMonths).toBe(other.settings.horizonMonths);
    expect(result.doc.options[0]).toMatchObject({
      outputPerM: (other.options[0] as { outputPerM: string }).outputPerM,
    });
    // Everything else is the file's.
    expect(result.doc.workloads[0]?.tokensPerDay).toBe(fallback.workloads[0]?.tokensPerDay);
    expect(result.catalogRefs).toEqual({});
  });

  it('names what is wrong when a scenario cannot be repaired', () => {
    const noWorkloads = withFields({ workloads: undefined, name: 42 });
    const error = errorOf(noWorkloads);
    expect(error.message).toMatch(/^The file holds a scenario this calculator cannot accept: /);
    expect(error.message).toMatch(/workloads is required/);
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { path: 'workloads', message: 'is required' },
        { path: 'name', message: expect.stringMatching(/must be text/) },
      ]),
    );
    const unknownField = errorOf(
      json({
        ...fallback,
        strategies: ['red', 'green', 'blue'].map((colour) => ({ id: colour, routes: [], colour })),
      }),
    );
    expect(unknownField.message).toMatch(
      /strategies\[0\]\.colour is not a field of the scenario format/,
    );
    expect(unknownField.message).toMatch(/ \(and 1 more problem\)\.$/);
    expect(unknownField.problems).toHaveLength(3);
  });

  it('refuses prototype keys', () => {
    const text = goodFile.replace('"name":', '"__proto__": { "polluted": true }, "name":');
    const result = readScenarioFile(text, fallback);
    expect(result.kind).toBe('error');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('scenario files: never throw', () => {
  it('on 4,000 random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) =>
        expectWellFormed(readScenarioFile(text, fallback)),
      ),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) =>
        expectWellFormed(
          readScenarioFile(`{"format":"llm-tco-scenario","version":1,${text}`, fallback),
        ),
      ),
      { numRuns: 2_000 },
    );
  });

  it('on 2,000 character mutations of a valid file', () => {
    const alphabet = '{}[]":,.-+eE0123456789 \n\\/tnrufalsx€\u0000\uD800';
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat({ max: goodFile.length - 1 }),
            fc.constantFrom(...alphabet),
            fc.constantFrom('replace', 'delete', 'insert'),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        (mutations) => {
          let text = goodFile;
          for (const [at, ch, op] of mutations) {
            const i = Math.min(at, text.length);
            text =
              op === 'replace'
                ? text.slice(0, i) + ch + text.slice(i + 1)
                : op === 'delete'
                  ? text.slice(0, i) + text.slice(i + 1)
                  : text.slice(0, i) + ch + text.slice(i);
          }
          expectWellFormed(readScenarioFile(text, fallback));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('on 2,000 structural mutations (any JSON value at any field), repairing what it can', () => {
    const paths = allPaths(fallback);
    let repaired = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 })), {
          minLength: 1,
          maxLength: 3,
        }),
        (edits) => {
          let doc: unknown = fallback;
          for (const [path, value] of edits) doc = setAt(doc, path, value);
          const result = readScenarioFile(json(doc), fallback);
          expectWellFormed(result);
          if (result.kind === 'repaired') repaired++;
        },
      ),
      { numRuns: 2_000 },
    );
    // The property exercises the repair, not only the refusals.
    expect(repaired).toBeGreaterThan(100);
  });
});

describe('the JSON syntax locator agrees with JSON.parse', () => {
  const parses = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };
  const jsonish = fc.string({
    unit: fc.constantFrom(...'{}[]":,.-+eE0123456789 \n\t\\/utnrfalsx'),
    maxLength: 40,
  });
  it('on random JSON-like text, JSON values and their mutations', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        expect(findJsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.nat(), (value, at, cut) => {
        const text = JSON.stringify(value, null, at % 3);
        expect(findJsonSyntaxError(text)).toBeNull();
        const mutated =
          text.slice(0, at % (text.length + 1)) + text.slice((at + (cut % 3)) % (text.length + 1));
        expect(findJsonSyntaxError(mutated) === null).toBe(parses(mutated));
      }),
      { numRuns: 3_000 },
    );
  });

  it('handles deep nesting without recursion', () => {
    expect(findJsonSyntaxError('['.repeat(200_000) + ']'.repeat(200_000))).toBeNull();
    expect(findJsonSyntaxError('['.repeat(200_000))?.problem).toMatch(/the text ends/);
  });
});

describe('repair-scenario', () => {
  it('parsePath inverts the paths of validation errors', () => {
    expect(parsePath('workloads[0].inputShare')).toEqual(['workloads', 0, 'inputShare']);
    expect(parsePath('options[12].gpu.hourlyPerGpu')).toEqual([
      'options',
      12,
      'gpu',
      'hourlyPerGpu',
    ]);
    expect(parsePath('')).toEqual([]);
  });

  it('validateOrRepair keeps a valid scenario, repairs a field, refuses the unrepairable', () => {
    expect(validateOrRepair(fallback, fallback)).toEqual({ kind: 'ok', doc: fallback });
    const repaired = validateOrRepair(
      setAt(fallback, ['workloads', 0, 'batchShare'], -1),
      fallback,
    );
    expect(repaired).toEqual({
      kind: 'repaired',
      doc: fallback,
      problems: [{ path: 'workloads[0].batchShare', message: expect.stringMatching(/at least 0/) }],
    });
    expect(validateOrRepair([], fallback)).toMatchObject({ kind: 'invalid' });
  });
});

/** Every path in a document: objects, lists and leaves. */
function allPaths(root: unknown, prefix: DocPath = []): DocPath[] {
  if (root === null || typeof root !== 'object') return [prefix];
  const entries: [string | number, unknown][] = Array.isArray(root)
    ? root.map((v, i) => [i, v])
    : Object.entries(root);
  return [prefix, ...entries.flatMap(([k, v]) => allPaths(v, [...prefix, k]))].filter(
    (p) => p.length > 0,
  );
}
