import * as v from 'valibot';
import type {
  ClaimSource,
  ClaimTable,
  NarrativeClaim,
  StatedApiPrice,
} from '../../core/claim-audit-source-types';
import { describe } from '../decimal-field';
import { formatPath } from '../validation-error';
import type { ValidationError } from '../validation-error';
import { checkWith, findForbiddenKeys, MAX_ERRORS } from './claim-issues';
import type { PathKey } from './claim-issues';
import { RANGE_FIELDS, toNarrativeClaim } from './claim-figures';
import { claimSchema, sourceSchema } from './claim-schema';
import type { ParsedClaim, ParsedSource } from './claim-schema';
import { readClaimTable } from './read-claim-table';

export type ClaimSourcesResult =
  { ok: true; sources: ClaimSource[] } | { ok: false; errors: ValidationError[] };

const MAX_SOURCES = 20;
const SOURCE_FIELDS =
  'a source (its fields: id, title, publisher, date, stated_assumptions, tables, claims)';

/**
 * Reads one source in the shape of `published-claims.json` (or a whole such file, with
 * `sources`) into the audit's normalised types. Never throws: anything wrong comes back as
 * `{ ok: false, errors }`, each error naming the field path (`tables[0].tiers[1].tokens_per_day`).
 *
 * @example
 * const read = readClaimSources(JSON.parse(text));
 * if (read.ok) read.sources.map(auditSource);
 */
export function readClaimSources(input: unknown): ClaimSourcesResult {
  try {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      return fail([
        {
          path: '',
          message: `must be a source (a JSON object with "tables" or "claims"), got ${describe(input)}`,
        },
      ]);
    }
    const forbidden = findForbiddenKeys(input);
    if (forbidden.length > 0) return fail(forbidden);
    const errors: ValidationError[] = [];
    const object = input as Record<string, unknown>;
    if (Object.hasOwn(object, 'sources')) {
      const file = checkWith(
        v.strictObject({
          about: v.optional(v.string('must be text')),
          sources: v.pipe(
            v.array(v.unknown(), 'must be a list of sources'),
            v.minLength(1, 'must have at least one source'),
            v.maxLength(MAX_SOURCES, `must have at most ${MAX_SOURCES} sources`),
          ),
        }),
        input,
        [],
        errors,
        'a claims file (its fields: about, sources)',
      );
      if (file === null) return fail(errors);
      const sources = file.sources.map((s, i) => readOneSource(s, ['sources', i], errors));
      const ids = checkUnique(
        sources.map((s) => s?.id ?? null),
        (i) => ['sources', i, 'id'],
        errors,
      );
      if (errors.length > 0 || !ids) return fail(errors);
      return { ok: true, sources: sources as ClaimSource[] };
    }
    const source = readOneSource(input, [], errors);
    if (source === null || errors.length > 0) return fail(errors);
    return { ok: true, sources: [source] };
  } catch (error) {
    return fail([
      {
        path: '',
        message: `could not be read: ${error instanceof Error ? error.message : 'unknown error'}`,
      },
    ]);
  }
}

function fail(errors: ValidationError[]): ClaimSourcesResult {
  return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
}

function readOneSource(
  input: unknown,
  path: readonly PathKey[],
  errors: ValidationError[],
): ClaimSource | null {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    errors.push({
      path: formatPath(path),
      message: `must be a source (an object), got ${describe(input)}`,
    });
    return null;
  }
  const source = checkWith(sourceSchema, input, path, errors, SOURCE_FIELDS);
  if (source === null) return null;
  if (source.tables.length === 0 && source.claims.length === 0) {
    errors.push({
      path: formatPath(path),
      message: 'has nothing to audit: give "tables", "claims" or both',
    });
    return null;
  }
  const tables = source.tables.map((t, i) => readClaimTable(t, [...path, 'tables', i], errors));
  checkUnique(
    tables.map((t) => t?.id ?? null),
    (i) => [...path, 'tables', i, 'id'],
    errors,
  );
  const parsed = source.claims.map((c, i) => readClaim(c, [...path, 'claims', i], errors));
  checkUnique(
    parsed.map((c) => c?.id ?? null),
    (i) => [...path, 'claims', i, 'id'],
    errors,
  );
  if (tables.some((t) => t === null) || parsed.some((c) => c === null)) return null;
  const claims = (parsed as ParsedClaim[]).map(toNarrativeClaim);
  const assumptions = source.stated_assumptions;
  return {
    id: source.id,
    title: source.title ?? source.id,
    publisher: source.publisher ?? null,
    date: source.date ?? null,
    statedApiPrice: statedPrice(source, claims),
    amortizedOverMonths: assumptions?.amortized_over_months ?? null,
    includes: assumptions?.includes ?? [],
    tables: tables as ClaimTable[],
    claims,
  };
}

function readClaim(
  input: unknown,
  path: readonly PathKey[],
  errors: ValidationError[],
): ParsedClaim | null {
  const claim = checkWith(claimSchema, input, path, errors, 'a claim');
  if (claim === null) return null;
  let ok = true;
  for (const [low, high] of RANGE_FIELDS) {
    const a = claim[low];
    const b = claim[high];
    if (a !== undefined && b !== undefined && a.greaterThan(b)) {
      errors.push({
        path: formatPath([...path, high]),
        message: `must be at least ${low} (${a.toFixed()})`,
      });
      ok = false;
    }
  }
  return ok ? claim : null;
}

/** Adds an error for each repeated id; true when all are unique. */
function checkUnique(
  ids: readonly (string | null)[],
  at: (index: number) => PathKey[],
  errors: ValidationError[],
): boolean {
  const seen = new Map<string, number>();
  let ok = true;
  ids.forEach((id, index) => {
    if (id === null) return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else {
      errors.push({
        path: formatPath(at(index)),
        message: `"${id}" is already the id of item ${first}`,
      });
      ok = false;
    }
  });
  return ok;
}

/**
 * The API price the source states: `stated_assumptions.api_blended_rate_usd_per_1M` first, else
 * a claim that states an API price per 1M (`usd_per_1M` in a sentence about an API), else a
 * claim's `api_usd_per_1M_blended`.
 */
function statedPrice(
  source: ParsedSource,
  claims: readonly NarrativeClaim[],
): StatedApiPrice | null {
  const rate = source.stated_assumptions?.api_blended_rate_usd_per_1M;
  if (rate !== undefined) {
    const from = 'stated_assumptions.api_blended_rate_usd_per_1M';
    return 'input' in rate
      ? { inputPerM: rate.input, outputPerM: rate.output, from, claimId: null }
      : { inputPerM: rate, outputPerM: rate, from, claimId: null };
  }
  const priced = claims.find((c) => c.figures.perM !== undefined && /\bapi\b/i.test(c.text));
  if (priced?.figures.perM !== undefined) {
    return {
      inputPerM: priced.figures.perM,
      outputPerM: priced.figures.perM,
      from: `claim "${priced.id}"`,
      claimId: priced.id,
    };
  }
  const blended = claims.find((c) => c.figures.apiPerMBlended !== undefined);
  if (blended?.figures.apiPerMBlended !== undefined) {
    const p = blended.figures.apiPerMBlended;
    return { inputPerM: p, outputPerM: p, from: `claim "${blended.id}"`, claimId: blended.id };
  }
  return null;
}
