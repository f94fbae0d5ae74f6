import { createContext, useContext, useMemo, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { evaluateWithCurves } from '../core/evaluate';
import { createEvaluationCache } from '../core/evaluation-cache';
import type { CostCurve } from '../core/cost-curve';
import type { Scenario } from '../core/model';
import type { ScenarioResult } from '../core/result';
import { createModelReader } from '../scenario/document-model';
import { scenarioPart } from '../scenario/scenario-part';
import { loadedValidator, whenValidatorLoaded } from '../state/document-validator';
import type { ValidationError } from '../scenario/validation-error';
import { useCalculatorShallow } from '../state/store-context';

export type Evaluation = {
  /** The validated model and its results, from the last valid document. */
  model: Scenario;
  result: ScenarioResult;
  /** Each strategy's cost against volume (core/cost-curve.ts), as the evaluation built them. */
  curves: readonly CostCurve[];
  /** Problems in the current document. */
  errorList: readonly ValidationError[];
  /** True while some field is invalid and the results show the last valid inputs. */
  stale: boolean;
};

const NO_ERRORS: readonly ValidationError[] = [];

const EvaluationContext = createContext<Evaluation | null>(null);
/** Field problems by path; a separate context so fields re-render only when problems change. */
const FieldErrorsContext = createContext<ReadonlyMap<string, string>>(new Map());

/**
 * Derives the results once per change of the inputs (never stored, DESIGN section 1) and shares
 * them with every result, chart and field below.
 */
export function EvaluationProvider({ children }: { children: ReactNode }) {
  const { doc, validDoc } = useCalculatorShallow((s) => ({ doc: s.doc, validDoc: s.validDoc }));
  // The store keeps `validDoc` on `doc` whenever `doc` validates, so only an invalid document
  // needs validating again here (for its messages).
  // Messages need the validator (a chunk requested at start-up): re-rendered once it is here.
  const validate = useSyncExternalStore(whenValidatorLoaded, loadedValidator);
  const errorList = useMemo(() => {
    if (doc === validDoc || !validate) return NO_ERRORS;
    const v = validate(doc).result;
    return v.ok ? NO_ERRORS : v.errors;
  }, [doc, validDoc, validate]);
  // `validDoc` has passed validation (or is a built-in document the tests check), so its model
  // is read without checking it again. The analysis settings (swing, ranges, seed) are not part
  // of the model: editing them keeps the same part, so nothing is evaluated or drawn again.
  // Each edit changes one workload, option or setting: the reader keeps the others as the same
  // model objects and the cache keeps what was computed from them (a slider move on a large
  // portfolio re-costs only the options that its workload uses).
  const [{ read, cache }] = useState(() => ({
    read: createModelReader(),
    cache: createEvaluationCache(),
  }));
  const part = scenarioPart(validDoc);
  const evaluated = useMemo(() => {
    const model = read(part);
    return { model, ...evaluateWithCurves(model, cache) };
  }, [part, read, cache]);
  const value = useMemo<Evaluation>(
    () => ({ ...evaluated, errorList, stale: errorList.length > 0 }),
    [evaluated, errorList],
  );
  const errorsKey = JSON.stringify(errorList);
  const errors = useMemo(
    () => new Map((JSON.parse(errorsKey) as ValidationError[]).map((e) => [e.path, e.message])),
    [errorsKey],
  );
  return (
    <EvaluationContext.Provider value={value}>
      <FieldErrorsContext.Provider value={errors}>{children}</FieldErrorsContext.Provider>
    </EvaluationContext.Provider>
  );
}

export function useFieldErrors(): ReadonlyMap<string, string> {
  return useContext(FieldErrorsContext);
}

export function useEvaluation(): Evaluation {
  const value = useContext(EvaluationContext);
  if (!value) throw new Error('useEvaluation needs an EvaluationProvider');
  return value;
}
