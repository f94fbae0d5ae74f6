import { Dec, ONE } from './decimal';
import {
  ALL_GPU_FIELDS,
  API_FIELDS,
  GPU_FIELDS_BY_MODE,
  SELF_HOST_FIELDS,
  SETTINGS_FIELDS,
  STAFF_TIER_FIELDS,
  WORKLOAD_FIELDS,
} from './input-fields';
import type { FieldSpec, FieldUnit } from './input-fields';
import type { InputBounds } from './input-bounds';
import type { GpuPricing, Option, Scenario, SelfHostOption, StaffTier, Workload } from './model';

/**
 * A stable name for one numeric input of a scenario (issue 6): by scope, the id of the workload or
 * option it belongs to (never a position, so it survives reordering) and a dotted path inside that
 * object. Staff tiers are named by position, since tiers are kept sorted.
 *
 * @example { scope: 'option', id: 'llama', field: 'gpu.hourlyPerGpu' }
 * @example { scope: 'option', id: 'llama', field: 'engineeringFte.1.fte' }
 */
export type InputRef =
  | { scope: 'settings'; field: string }
  | { scope: 'workload'; id: string; field: string }
  | { scope: 'option'; id: string; field: string };

export const INPUT_REF_ERRORS = {
  notText: 'an input reference must be text',
  tooLong: 'an input reference is at most 300 characters',
  scope: 'an input reference starts with "settings/", "workload/" or "option/"',
  parts: 'an input reference is "settings/<field>" or "<workload|option>/<id>/<field>"',
  id: 'the id must be 1-64 characters without "/" or spaces',
  field: 'is not a numeric input of a',
  firstTier: 'the first staff tier always starts at 0 tokens/day: it is not an input',
  notFound: 'no such input in this scenario',
} as const;

const MAX_REF_TEXT = 300;
const ID_TEXT = /^[^\s/]{1,64}$/;
const TIER_FIELD = /^engineeringFte\.(0|[1-9]\d?)\.(fte|fromTokensPerDay)$/;
const GPU_FIELD = /^gpu\.([A-Za-z]+)$/;

/**
 * The text form of a reference, for links and storage: `settings/fteCostPerYear`,
 * `workload/<id>/tokensPerDay`, `option/<id>/gpu.hourlyPerGpu`. Ids may contain "." but never "/".
 *
 * @example formatInputRef({ scope: 'workload', id: 'support', field: 'tokensPerDay' })
 * // 'workload/support/tokensPerDay'
 */
export function formatInputRef(ref: InputRef): string {
  return ref.scope === 'settings' ? `settings/${ref.field}` : `${ref.scope}/${ref.id}/${ref.field}`;
}

export type ParseInputRefResult = { ok: true; ref: InputRef } | { ok: false; error: string };

/**
 * Reads the text form back. Checks the shape and that the field is a numeric input of its scope
 * (not that the scenario has that id: see `describeInput`). Never throws.
 *
 * @example parseInputRef('option/gpt-5/outputPerM') // { ok: true, ref: { scope: 'option', ... } }
 * @example parseInputRef('option/gpt-5/name').ok // false
 */
export function parseInputRef(text: unknown): ParseInputRefResult {
  if (typeof text !== 'string') return fail(INPUT_REF_ERRORS.notText);
  if (text.length > MAX_REF_TEXT) return fail(INPUT_REF_ERRORS.tooLong);
  const parts = text.split('/');
  const [scope, second, third] = parts;
  if (scope === 'settings') {
    if (parts.length !== 2 || second === undefined) return fail(INPUT_REF_ERRORS.parts);
    if (!hasOwn(SETTINGS_FIELDS, second)) return fail(fieldError(second, 'settings'));
    return { ok: true, ref: { scope, field: second } };
  }
  if (scope !== 'workload' && scope !== 'option') return fail(INPUT_REF_ERRORS.scope);
  if (parts.length !== 3 || second === undefined || third === undefined) {
    return fail(INPUT_REF_ERRORS.parts);
  }
  if (!ID_TEXT.test(second)) return fail(INPUT_REF_ERRORS.id);
  if (scope === 'workload') {
    if (!hasOwn(WORKLOAD_FIELDS, third)) return fail(fieldError(third, 'workload'));
    return { ok: true, ref: { scope, id: second, field: third } };
  }
  if (third === 'engineeringFte.0.fromTokensPerDay') return fail(INPUT_REF_ERRORS.firstTier);
  if (!isOptionField(third)) return fail(fieldError(third, 'option'));
  return { ok: true, ref: { scope, id: second, field: third } };
}

function isOptionField(field: string): boolean {
  if (hasOwn(API_FIELDS, field) || hasOwn(SELF_HOST_FIELDS, field)) return true;
  if (TIER_FIELD.test(field)) return true;
  const gpu = GPU_FIELD.exec(field);
  return gpu !== null && ALL_GPU_FIELDS.has(gpu[1] ?? '');
}

function fieldError(field: string, scope: string): string {
  const shown = field.length > 40 ? `${field.slice(0, 40)}…` : field;
  return `"${shown}" ${INPUT_REF_ERRORS.field} ${scope}`;
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Whether two references name the same input. */
export function sameInputRef(a: InputRef, b: InputRef): boolean {
  return formatInputRef(a) === formatInputRef(b);
}

/**
 * The bounds an input must stay within, as decimals. Usually the validation bounds of its field;
 * a staff tier's start also stays strictly between its neighbours' (tiers stay sorted).
 */
export type EffectiveBounds = {
  min: Dec;
  max: Dec;
  minExclusive: boolean;
  maxExclusive: boolean;
  integer: boolean;
  /** Why the bounds are narrower than the field's, when they are. */
  note: string | null;
};

/** One numeric input of a scenario, with what the analyses need to move it. */
export type NumericInput = {
  ref: InputRef;
  /** `formatInputRef(ref)`. */
  key: string;
  /** The field in words ("output price per 1M tokens"). */
  label: string;
  /** The name of the workload or option it belongs to, or "Settings". */
  ownerName: string;
  value: Dec;
  bounds: EffectiveBounds;
  kind: 'integer' | 'decimal';
  unit: FieldUnit;
  linear: boolean;
  affects: 'runRate' | 'timeline';
};

/**
 * Every numeric input of a scenario, in a stable order (settings, then workloads and options in
 * scenario order, fields in format order). Left out: `daysPerYear` (a convention, not an amount),
 * `horizonMonths` (the length of the analysis), route shares (they must sum to 1 per workload)
 * and names. A self-hosted option lists the GPU fields of its current pricing mode and every
 * staff tier's `fte` and `fromTokensPerDay`, except the first tier's start (always 0).
 */
export function listNumericInputs(scenario: Scenario): NumericInput[] {
  const refs: InputRef[] = [];
  for (const field of Object.keys(SETTINGS_FIELDS)) refs.push({ scope: 'settings', field });
  for (const w of scenario.workloads) {
    for (const field of Object.keys(WORKLOAD_FIELDS)) {
      refs.push({ scope: 'workload', id: w.id, field });
    }
  }
  for (const o of scenario.options) {
    for (const field of optionFields(o)) refs.push({ scope: 'option', id: o.id, field });
  }
  const out: NumericInput[] = [];
  for (const ref of refs) {
    const input = describeInput(scenario, ref);
    if (input) out.push(input);
  }
  return out;
}

function optionFields(o: Option): string[] {
  if (o.kind === 'api') return Object.keys(API_FIELDS);
  const fields = Object.keys(GPU_FIELDS_BY_MODE[o.gpu.mode]).map((f) => `gpu.${f}`);
  fields.push(...Object.keys(SELF_HOST_FIELDS));
  o.engineeringFte.forEach((_, i) => {
    fields.push(`engineeringFte.${i}.fte`);
    if (i > 0) fields.push(`engineeringFte.${i}.fromTokensPerDay`);
  });
  return fields;
}

/** The input a reference names in this scenario, or null if the scenario has no such input. */
export function describeInput(scenario: Scenario, ref: InputRef): NumericInput | null {
  const found = locate(scenario, ref);
  if (!found) return null;
  return {
    ref,
    key: formatInputRef(ref),
    label: found.label,
    ownerName: found.ownerName,
    value: found.value,
    bounds: found.bounds,
    kind: found.bounds.integer ? 'integer' : 'decimal',
    unit: found.spec.unit,
    linear: found.spec.linear,
    affects: found.spec.affects,
  };
}

/** The current value of an input, or null if the scenario has no such input. */
export function getInputValue(scenario: Scenario, ref: InputRef): Dec | null {
  return locate(scenario, ref)?.value ?? null;
}

/** A value that had to be moved to be valid: what was asked, what was set, and why. */
export type ClampNote = { requested: string; applied: string; reason: string };

export type SetInputResult =
  | { ok: true; scenario: Scenario; value: Dec; clamped: ClampNote | null }
  | { ok: false; error: string };

/**
 * A new scenario with one input set; the original is never changed and everything else is shared.
 * The value is first made valid: a whole-number field is rounded to the nearest whole number, and
 * a value outside the bounds is moved to the nearest bound (a hair inside an exclusive one); a
 * staff tier's start stays between its neighbours. `clamped` says when and why.
 *
 * @example setInputValue(s, { scope: 'settings', field: 'fteCostPerYear' }, new Dec('250000'))
 */
export function setInputValue(scenario: Scenario, ref: InputRef, value: Dec): SetInputResult {
  const found = locate(scenario, ref);
  if (!found) return { ok: false, error: `${formatInputRef(ref)}: ${INPUT_REF_ERRORS.notFound}` };
  const valid = clampToBounds(value, found.bounds);
  return {
    ok: true,
    scenario: found.write(valid.value),
    value: valid.value,
    clamped:
      valid.reason === null
        ? null
        : { requested: plain(value), applied: plain(valid.value), reason: valid.reason },
  };
}

/** The nearest valid value within bounds, and why it differs from the value asked for. */
export function clampToBounds(
  value: Dec,
  bounds: EffectiveBounds,
): { value: Dec; reason: string | null } {
  let v = value;
  let reason: string | null = null;
  if (bounds.integer && !v.isInteger()) {
    v = v.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
    reason = 'rounded to the nearest whole number';
  }
  const tooLow = bounds.minExclusive ? v.lessThanOrEqualTo(bounds.min) : v.lessThan(bounds.min);
  const tooHigh = bounds.maxExclusive
    ? v.greaterThanOrEqualTo(bounds.max)
    : v.greaterThan(bounds.max);
  if (tooLow) {
    v = bounds.minExclusive ? bounds.min.plus(exclusiveMargin(bounds)) : bounds.min;
    reason = bounds.note ?? `must be ${lowText(bounds)}`;
  } else if (tooHigh) {
    v = bounds.maxExclusive ? bounds.max.minus(exclusiveMargin(bounds)) : bounds.max;
    reason = bounds.note ?? `must be at most ${plain(bounds.max)}`;
  }
  return { value: v, reason };
}

/**
 * The closed range of values an analysis may try for an input: its bounds, an exclusive end moved
 * a hair inside (see `clampToBounds`).
 */
export function innerRange(bounds: EffectiveBounds): { low: Dec; high: Dec } {
  return {
    low: bounds.minExclusive ? bounds.min.plus(exclusiveMargin(bounds)) : bounds.min,
    high: bounds.maxExclusive ? bounds.max.minus(exclusiveMargin(bounds)) : bounds.max,
  };
}

/**
 * How far inside an exclusive bound a clamped value goes: a billionth of the range, at most 1
 * (one token/day inside a neighbouring staff tier; 1e-9 above a utilization of 0).
 */
function exclusiveMargin(bounds: EffectiveBounds): Dec {
  const tiny = bounds.max.minus(bounds.min).mul(MARGIN_SHARE);
  return tiny.greaterThan(ONE) ? ONE : tiny;
}
const MARGIN_SHARE = new Dec('1e-9');

function lowText(bounds: EffectiveBounds): string {
  return bounds.minExclusive ? `above ${plain(bounds.min)}` : `at least ${plain(bounds.min)}`;
}

function plain(v: Dec): string {
  const text = v.toFixed();
  return text === '-0' ? '0' : text;
}

/** Bounds of a field as decimals. */
export function boundsOf(b: InputBounds): EffectiveBounds {
  return {
    min: new Dec(b.min),
    max: new Dec(b.max),
    minExclusive: b.minExclusive === true,
    maxExclusive: false,
    integer: b.integer === true,
    note: null,
  };
}

type Located = {
  spec: FieldSpec;
  label: string;
  ownerName: string;
  value: Dec;
  bounds: EffectiveBounds;
  write: (v: Dec) => Scenario;
};

function locate(s: Scenario, ref: InputRef): Located | null {
  if (ref.scope === 'settings') {
    if (!hasOwn(SETTINGS_FIELDS, ref.field)) return null;
    const field = ref.field as keyof typeof SETTINGS_FIELDS;
    const spec = SETTINGS_FIELDS[field];
    return {
      spec,
      label: spec.label,
      ownerName: 'Settings',
      value: s.settings[field],
      bounds: boundsOf(spec.bounds),
      write: (v) => ({ ...s, settings: { ...s.settings, [field]: v } }),
    };
  }
  if (ref.scope === 'workload') {
    const index = s.workloads.findIndex((w) => w.id === ref.id);
    const w = s.workloads[index];
    if (!w || !hasOwn(WORKLOAD_FIELDS, ref.field)) return null;
    const field = ref.field as keyof typeof WORKLOAD_FIELDS;
    const spec = WORKLOAD_FIELDS[field];
    return {
      spec,
      label: spec.label,
      ownerName: w.name,
      value: w[field],
      bounds: boundsOf(spec.bounds),
      write: (v) => ({ ...s, workloads: replaceAt(s.workloads, index, { ...w, [field]: v }) }),
    };
  }
  const index = s.options.findIndex((o) => o.id === ref.id);
  const o = s.options[index];
  if (!o) return null;
  const writeOption = (next: Option): Scenario => ({
    ...s,
    options: replaceAt(s.options, index, next),
  });
  if (o.kind === 'api') {
    if (!hasOwn(API_FIELDS, ref.field)) return null;
    const field = ref.field as keyof typeof API_FIELDS;
    const spec = API_FIELDS[field];
    return {
      spec,
      label: spec.label,
      ownerName: o.name,
      value: o[field],
      bounds: boundsOf(spec.bounds),
      write: (v) => writeOption({ ...o, [field]: v }),
    };
  }
  return locateSelfHost(o, ref.field, writeOption);
}

function locateSelfHost(
  o: SelfHostOption,
  path: string,
  writeOption: (next: Option) => Scenario,
): Located | null {
  if (hasOwn(SELF_HOST_FIELDS, path)) {
    const field = path as keyof typeof SELF_HOST_FIELDS;
    const spec = SELF_HOST_FIELDS[field];
    return {
      spec,
      label: spec.label,
      ownerName: o.name,
      value: o[field],
      bounds: boundsOf(spec.bounds),
      write: (v) => writeOption({ ...o, [field]: v }),
    };
  }
  const gpu = GPU_FIELD.exec(path);
  if (gpu) {
    const name = gpu[1] ?? '';
    const specs: Record<string, FieldSpec> = GPU_FIELDS_BY_MODE[o.gpu.mode];
    const spec = hasOwn(specs, name) ? specs[name] : undefined;
    const value = (o.gpu as Record<string, unknown>)[name];
    if (!spec || !Dec.isDecimal(value)) return null;
    return {
      spec,
      label: spec.label,
      ownerName: o.name,
      value: value as Dec,
      bounds: boundsOf(spec.bounds),
      write: (v) => writeOption({ ...o, gpu: { ...o.gpu, [name]: v } as GpuPricing }),
    };
  }
  const tier = TIER_FIELD.exec(path);
  if (!tier) return null;
  const t = Number(tier[1]);
  const field = tier[2] as keyof StaffTier;
  const tiers = o.engineeringFte;
  const current = tiers[t];
  if (!current || (field === 'fromTokensPerDay' && t === 0)) return null;
  const spec = STAFF_TIER_FIELDS[field];
  const write = (v: Dec) =>
    writeOption({ ...o, engineeringFte: replaceAt(tiers, t, { ...current, [field]: v }) });
  const label = field === 'fte' ? `staff in tier ${t + 1}` : `start of staff tier ${t + 1}`;
  const base = { spec, label, ownerName: o.name, value: current[field], write };
  if (field === 'fte') return { ...base, bounds: boundsOf(spec.bounds) };
  return { ...base, bounds: tierBounds(tiers, t, spec) };
}

/** A tier's start stays strictly between its neighbours' starts (DESIGN 3.3: tiers are sorted). */
function tierBounds(tiers: readonly StaffTier[], t: number, spec: FieldSpec): EffectiveBounds {
  const own = boundsOf(spec.bounds);
  const prev = tiers[t - 1]?.fromTokensPerDay ?? own.min;
  const next = tiers[t + 1]?.fromTokensPerDay;
  const note =
    next === undefined
      ? `staff tiers stay in increasing order: above ${plain(prev)} tokens/day (the start of tier ${t}) and at most ${plain(own.max)}`
      : `staff tiers stay in increasing order: between ${plain(prev)} and ${plain(next)} tokens/day (the starts of tiers ${t} and ${t + 2})`;
  return {
    min: prev,
    max: next ?? own.max,
    minExclusive: true,
    maxExclusive: next !== undefined,
    integer: false,
    note,
  };
}

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

/** The option or workload a reference belongs to, for callers that group inputs. */
export function ownerOf(scenario: Scenario, ref: InputRef): Workload | Option | null {
  if (ref.scope === 'workload') return scenario.workloads.find((w) => w.id === ref.id) ?? null;
  if (ref.scope === 'option') return scenario.options.find((o) => o.id === ref.id) ?? null;
  return null;
}
