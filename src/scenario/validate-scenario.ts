import * as v from 'valibot';
import { Dec, ONE, ZERO } from '../core/decimal';
import type { Option, Scenario, Strategy, Workload } from '../core/model';
import { scenarioSchema } from './scenario-schema';
import type { ParsedScenario } from './scenario-schema';
import { describe } from './decimal-field';
import { findForbiddenKeys, issueToError } from './untrusted-input';
import { toDocument } from './document';
import { checkAnalysis } from './analysis-check';
import { checkFx } from './currency-schema';
import type { ScenarioDoc } from './document';
import type { ValidationError } from './validation-error';

export type ValidationResult =
  | { ok: true; scenario: Scenario; document: ScenarioDoc }
  | { ok: false; errors: ValidationError[] };

const MAX_DEPTH = 32;
const MAX_ERRORS = 50;

/**
 * Validates anything (parsed JSON, a hand-edited object) against scenario format v1 and returns
 * the core model, or every problem found with its path. Never throws.
 */
export function validateScenario(input: unknown): ValidationResult {
  try {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      return {
        ok: false,
        errors: [{ path: '', message: `must be a scenario object, got ${describe(input)}` }],
      };
    }
    const structural = findForbiddenKeys(input, { maxDepth: MAX_DEPTH, maxErrors: MAX_ERRORS });
    if (structural.length > 0) return { ok: false, errors: structural };
    const parsed = v.safeParse(scenarioSchema, input, { abortEarly: false });
    if (!parsed.success) {
      return {
        ok: false,
        errors: parsed.issues
          .slice(0, MAX_ERRORS)
          .map((issue) => issueToError(issue, [], 'the scenario format')),
      };
    }
    const output = parsed.output;
    const scenario = toModel(output);
    const errors = [
      ...checkCrossReferences(output),
      ...checkFx(output.currency, output.fx),
      ...checkAnalysis(output.analysis, scenario),
    ];
    if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
    return {
      ok: true,
      scenario,
      // Built only when asked for: evaluating a scenario does not need it.
      get document() {
        return toDocument(output);
      },
    };
  } catch (error) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `could not be read: ${error instanceof Error ? error.message : 'unknown error'}`,
        },
      ],
    };
  }
}

function checkCrossReferences(s: ParsedScenario): ValidationError[] {
  const errors: ValidationError[] = [];
  const unique = (items: { id: string }[], list: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        errors.push({
          path: `${list}[${index}].id`,
          message: `"${item.id}" is already the id of ${list}[${first}]`,
        });
      } else seen.set(item.id, index);
    });
  };
  unique(s.workloads, 'workloads');
  unique(s.options, 'options');
  unique(s.strategies, 'strategies');

  s.options.forEach((option, index) => {
    if (option.kind !== 'selfHost') return;
    option.engineeringFte.forEach((tier, t) => {
      const path = `options[${index}].engineeringFte[${t}].fromTokensPerDay`;
      const prev = option.engineeringFte[t - 1];
      if (t === 0 && !tier.fromTokensPerDay.isZero()) {
        errors.push({ path, message: 'the first staff tier must start at 0 tokens/day' });
      } else if (prev && !tier.fromTokensPerDay.greaterThan(prev.fromTokensPerDay)) {
        errors.push({ path, message: 'staff tiers must be in increasing order of tokens/day' });
      }
    });
  });

  const workloadIds = new Set(s.workloads.map((w) => w.id));
  const optionIds = new Set(s.options.map((o) => o.id));
  s.strategies.forEach((strategy, si) => {
    const sums = new Map<string, Dec>();
    strategy.routes.forEach((route, ri) => {
      const at = `strategies[${si}].routes[${ri}]`;
      if (!workloadIds.has(route.workloadId)) {
        errors.push({
          path: `${at}.workloadId`,
          message: `no workload has the id "${route.workloadId}"`,
        });
      }
      if (!optionIds.has(route.optionId)) {
        errors.push({
          path: `${at}.optionId`,
          message: `no option has the id "${route.optionId}"`,
        });
      }
      sums.set(route.workloadId, (sums.get(route.workloadId) ?? ZERO).plus(route.share));
    });
    for (const w of s.workloads) {
      const sum = sums.get(w.id);
      const path = `strategies[${si}].routes`;
      if (sum === undefined) {
        errors.push({
          path,
          message: `does not route workload "${w.id}"; every strategy must route every workload`,
        });
      } else if (!sum.equals(ONE)) {
        errors.push({
          path,
          message: `shares of workload "${w.id}" add up to ${sum.toFixed()}, not 1`,
        });
      }
    }
  });
  return errors;
}

function toModel(s: ParsedScenario): Scenario {
  const workloads: Workload[] = s.workloads.map((w) => ({ ...w, name: w.name ?? w.id }));
  const options: Option[] = s.options.map((o) => {
    if (o.kind === 'api') {
      return { ...o, name: o.name ?? o.id, cachedInputPerM: o.cachedInputPerM ?? o.inputPerM };
    }
    return { ...o, name: o.name ?? o.id };
  });
  const strategies: Strategy[] = s.strategies.map((st) => ({ ...st, name: st.name ?? st.id }));
  return {
    name: s.name,
    currency: s.currency,
    settings: {
      daysPerYear: new Dec(s.settings.daysPerYear),
      fteCostPerYear: s.settings.fteCostPerYear,
      horizonMonths: s.settings.horizonMonths.toNumber(),
      discountRatePerYear: s.settings.discountRatePerYear,
    },
    workloads,
    options,
    strategies,
  };
}

const validatedDocs = new WeakMap<ScenarioDoc, ValidationResult>();

/**
 * `validateScenario` for the app's own documents, once per document: the store never mutates a
 * document (every edit makes a new one), so the store's check and the evaluation share one
 * validation instead of repeating it (about 9 ms a move at 50 workloads x 30 options).
 */
export function validateDocument(doc: ScenarioDoc): ValidationResult {
  let result = validatedDocs.get(doc);
  if (result === undefined) {
    result = validateScenario(doc);
    validatedDocs.set(doc, result);
  }
  return result;
}
