/**
 * Runs in Chromium (bundled by bench/browser.ts): times `evaluateModel` on the 50 workloads × 30
 * options × 12 strategies scenario of issue 5, with the browser's own JavaScript engine, so the
 * core's share of a slider move can be read apart from React and the charts.
 */
import { evaluateModel } from '../src/core/evaluate';
import { validateScenario } from '../src/scenario/validate-scenario';
import { scaleScenario } from './scale-scenario';

/** Milliseconds per evaluation, `runs` of them after `warmup` unmeasured ones. */
export function timeScaleEvaluation(runs: number, warmup: number): number[] {
  const validated = validateScenario(scaleScenario());
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  const model = validated.scenario;
  for (let i = 0; i < warmup; i++) evaluateModel(model);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    evaluateModel(model);
    samples.push(performance.now() - t0);
  }
  return samples;
}
