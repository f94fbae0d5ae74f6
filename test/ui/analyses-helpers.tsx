import { render } from '@testing-library/react';
import AnalysesSection from '../../src/ui/analyses/AnalysesSection';
import { AnalysisClientContext } from '../../src/ui/analyses/analysis-client-context';
import { EvaluationProvider } from '../../src/ui/evaluation-context';
import { createCalculatorStore } from '../../src/state/calculator-store';
import { CalculatorStoreContext } from '../../src/state/store-context';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { findPreset } from '../../src/scenario/presets';
import type { ScenarioDoc } from '../../src/scenario/document';
import type { Scenario } from '../../src/core/model';
import type {
  AnalysisClient,
  AnalysisOutcome,
  AnalysisRunner,
} from '../../src/platform/analysis-client';
import type { JobProgress } from '../../src/platform/analysis-protocol';

/** The default preset as the app holds it, and its model. */
export function presetDoc(id = 'default'): { doc: ScenarioDoc; model: Scenario } {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  const v = validateScenario(preset.scenario);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return { doc: v.document, model: v.scenario };
}

/** The analyses section on a fresh store, with the given analysis client. */
export function renderAnalyses(doc: ScenarioDoc, client: AnalysisClient) {
  const store = createCalculatorStore({
    doc,
    validDoc: doc,
    origin: { presetId: null, loaded: doc, catalogRefs: {} },
  });
  const view = render(
    <CalculatorStoreContext.Provider value={store}>
      <AnalysisClientContext.Provider value={client}>
        <EvaluationProvider>
          <AnalysesSection currency="USD" locale="en-US" chartWidth={720} exportable={false} />
        </EvaluationProvider>
      </AnalysisClientContext.Provider>
    </CalculatorStoreContext.Provider>,
  );
  return { store, ...view };
}

type Call = {
  kind: string;
  params: Record<string, unknown>;
  progress: (p: JobProgress) => void;
  settle: (outcome: AnalysisOutcome<unknown>) => void;
  cancelled: boolean;
};

/**
 * A client the test drives: every run waits until the test settles it, reports the progress the
 * test gives, and settles as cancelled when cancelled (as the real client does).
 */
export function scriptedClient(runner: AnalysisRunner = 'worker') {
  const calls: Call[] = [];
  const client: AnalysisClient = {
    run(job, onProgress) {
      let settle: (outcome: AnalysisOutcome<unknown>) => void = () => {};
      const result = new Promise<AnalysisOutcome<unknown>>((resolve) => {
        settle = resolve;
      });
      let last: JobProgress | null = null;
      const call: Call = {
        kind: job.kind,
        params: job.params as Record<string, unknown>,
        progress: (p) => {
          last = p;
          onProgress?.(p);
        },
        settle,
        cancelled: false,
      };
      calls.push(call);
      return {
        result: result as never,
        cancel: () => {
          call.cancelled = true;
          settle({ status: 'cancelled', reason: 'cancelled', progress: last });
        },
      };
    },
    runner: () => runner,
    dispose: () => {},
  };
  return { client, calls };
}
