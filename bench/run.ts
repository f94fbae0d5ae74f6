/**
 * `npm run bench`: speed of the engine against the budgets of the issues, as medians on this
 * machine. Never part of the test suite (shared machines are noisy); the README quotes the
 * latest figures.
 */
import { evaluateScenario } from '../src/index';
import { DEFAULT_PRESET } from '../src/scenario/presets';
import { validateScenario } from '../src/scenario/validate-scenario';
import { buildCostCurve } from '../src/core/cost-curve';
import { analyseBreakEven, MAX_TOKENS_PER_DAY } from '../src/core/break-even';
import { computeStrategyRunRate } from '../src/core/run-rate';
import { Dec } from '../src/core/decimal';
import { WORKED_EXAMPLE } from '../test/core/worked-example';
import { linkBudgetScenario, manyStepsScenario, portfolioScenario } from './scenarios';
import { scaleScenario } from './scale-scenario';
import { evaluateModel } from '../src/core/evaluate';
import { encodeScenarioLink } from '../src/scenario/link-codec';
import { plainRunRates } from './plain-run-rate';
import { time } from './timing';
import type { Timing } from './timing';
import { browserTimings, bundleSizes } from './browser';
import { computeSensitivity } from '../src/core/sensitivity';
import { goalSeek } from '../src/core/goal-seek';
import { prepareMonteCarlo, runPreparedMonteCarlo } from '../src/core/monte-carlo';
import { summariseMonteCarlo } from '../src/core/monte-carlo-summary';
import { parseInputRef } from '../src/core/input-refs';

type Row = { name: string; value: string; budget: string; ok: boolean | null };
const rows: Row[] = [];
const ms = (t: Timing) =>
  `${t.median.toFixed(3)} ms median (p95 ${t.p95.toFixed(3)}, ${t.runs} runs)`;

function mustDocument(input: unknown) {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.document;
}

function mustValidate(input: unknown) {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.scenario;
}

// 1. The default scenario, validated and fully evaluated.
{
  const t = time(() => evaluateScenario(DEFAULT_PRESET.scenario), { runs: 300, warmup: 20 });
  rows.push({
    name: 'evaluate the default scenario',
    value: ms(t),
    budget: '<= 2 ms',
    ok: t.median <= 2,
  });
}

// 2. Break-even with 10,000+ replica steps below the cap, and with a 100x larger cap.
{
  const scenario = mustValidate(manyStepsScenario());
  const [base, self] = scenario.strategies;
  if (!base || !self) throw new Error('scenario needs two strategies');
  const c = buildCostCurve(scenario, self);
  const b = buildCostCurve(scenario, base);
  const total = scenario.workloads[0]?.tokensPerDay ?? new Dec(1);
  const kMax = MAX_TOKENS_PER_DAY.div(total);
  const steps = c.stairs[0]?.rate.mul(kMax).floor().toFixed() ?? '0';
  const t1 = time(() => analyseBreakEven(c, b, kMax), { runs: 300, warmup: 20 });
  const t100 = time(() => analyseBreakEven(c, b, kMax.mul(100)), { runs: 300, warmup: 20 });
  rows.push({
    name: `break-even, ${steps} replica steps below the 1e12 cap`,
    value: ms(t1),
    budget: '<= 5 ms',
    ok: t1.median <= 5,
  });
  const ratio = t100.median / t1.median;
  rows.push({
    name: 'break-even with the cap 100x higher (1e14)',
    value: `${ms(t100)}; ratio ${ratio.toFixed(2)}`,
    budget: 'no slower (ratio about 1)',
    ok: ratio <= 1.5,
  });
}

// 3. A 20-workload, 12-option, 6-strategy portfolio over 120 months.
{
  const input = portfolioScenario();
  const check = evaluateScenario(input);
  if (!check.ok) throw new Error(JSON.stringify(check.errors));
  const t = time(() => evaluateScenario(input), { runs: 15, warmup: 2 });
  rows.push({
    name: '20 workloads x 12 options x 6 strategies, 120 months, fully evaluated',
    value: ms(t),
    budget: '<= 100 ms',
    ok: t.median <= 100,
  });
}

// 3b. Issue 5's scale budget: 50 workloads, 30 options (15 API, 15 self-hosted), 12 strategies.
// The engine alone (what a slider move recomputes), then with validation as the public API does.
{
  const input = scaleScenario();
  const model = mustValidate(input);
  const engine = time(() => evaluateModel(model), { runs: 40, warmup: 5 });
  rows.push({
    name: '50 workloads x 30 options x 12 strategies, 36 months: evaluateModel',
    value: ms(engine),
    budget: '<= 30 ms',
    ok: engine.median <= 30,
  });
  const full = time(() => evaluateScenario(input), { runs: 20, warmup: 3 });
  rows.push({
    name: '50 workloads x 30 options x 12 strategies: validated and evaluated (evaluateScenario)',
    value: ms(full),
    budget: 'reported',
    ok: null,
  });
}

// 4. What exactness costs: the decimal run-rate against the same formula in plain numbers.
{
  const scenario = mustValidate(WORKED_EXAMPLE);
  const decimal = time(
    () => scenario.strategies.forEach((s) => computeStrategyRunRate(scenario, s)),
    { runs: 2000, warmup: 100 },
  );
  const inputs = {
    tokensPerDay: 50e6,
    inputShare: 0.8,
    cachedInputShare: 0.25,
    batchShare: 0,
    peakToAverage: 2,
    daysPerYear: 365,
    fteCostPerYear: 200000,
    api: {
      inputPerM: 1.25,
      outputPerM: 10,
      cachedInputPerM: 0.125,
      batchDiscount: 0,
      integrationFte: 0.1,
    },
    self: {
      hourlyPerGpu: 2.5,
      gpusPerReplica: 1,
      prefill: 10000,
      decode: 1500,
      targetUtilization: 0.75,
      minReplicas: 1,
      storagePerMonth: 300,
      monitoringPerMonth: 200,
      monitoringPerGpuMonth: 10,
      fte: 0.5,
    },
  };
  let sink = 0;
  // Plain numbers are too fast to time one call at a time: time 1,000 calls per sample.
  const plain = time(
    () => {
      for (let i = 0; i < 1000; i++)
        sink += plainRunRates({ ...inputs, tokensPerDay: 50e6 + i }).api;
    },
    { runs: 200, warmup: 20 },
  );
  const plainPerCall = plain.median / 1000;
  rows.push({
    name: 'run-rate of the DESIGN 3.6a example (2 strategies), decimal vs plain numbers',
    value: `decimal ${decimal.median.toFixed(4)} ms, plain ${plainPerCall.toFixed(6)} ms: ratio ${(decimal.median / plainPerCall).toFixed(0)}x`,
    budget: 'reported',
    ok: null,
  });
  if (sink === 0) console.log('');
}

// 5. Share-link length (issue 4): the default scenario and a 10-workload portfolio.
{
  const links = [
    [
      'share link of the default scenario (with its catalog sources)',
      DEFAULT_PRESET.scenario,
      600,
      DEFAULT_PRESET.catalogRefs,
    ],
    ['share link of 10 workloads x 8 options x 4 strategies', linkBudgetScenario(), 2000, {}],
  ] as const;
  for (const [name, input, budget, refs] of links) {
    const link = encodeScenarioLink(mustDocument(input), refs);
    rows.push({
      name,
      value: `${link.length} characters`,
      budget: `<= ${budget}`,
      ok: link.length <= budget,
    });
  }
}

// 5b. The analyses of issue 6 on the default scenario, in Node (the app runs them in a worker).
{
  const scenario = mustValidate(DEFAULT_PRESET.scenario);
  const strategyId = scenario.strategies[1]?.id ?? '';
  const sensitivity = time(() => computeSensitivity(scenario, strategyId, new Dec('0.2')), {
    runs: 20,
    warmup: 3,
  });
  rows.push({
    name: 'sensitivity of the default scenario (every input at -20% and +20%)',
    value: ms(sensitivity),
    budget: 'reported (off the main thread)',
    ok: null,
  });
  const target = parseInputRef('option/llama-70b-h100/gpu.hourlyPerGpu');
  if (!target.ok) throw new Error(target.error);
  const seek = time(() => goalSeek(scenario, strategyId, { kind: 'input', ref: target.ref }), {
    runs: 20,
    warmup: 3,
  });
  rows.push({
    name: 'goal seek: the GPU hourly price at which the default strategies cost the same',
    value: ms(seek),
    budget: 'reported',
    ok: null,
  });
  // Issue 6's budget: 10,000 samples of the default scenario in <= 3 s (ranges on the price
  // of a GPU hour, volume, utilization and the API's output price).
  const range = (ref: string, low: string, likely: string, high: string) => {
    const parsed = parseInputRef(ref);
    if (!parsed.ok) throw new Error(parsed.error);
    return { ref: parsed.ref, low: new Dec(low), likely: new Dec(likely), high: new Dec(high) };
  };
  const ranges = [
    range('option/llama-70b-h100/gpu.hourlyPerGpu', '2', '3.2', '5'),
    range('workload/support/tokensPerDay', '80000000', '150000000', '300000000'),
    range('option/llama-70b-h100/targetUtilization', '0.4', '0.6', '0.8'),
    range('option/gpt-5/outputPerM', '6', '10', '12'),
  ];
  const monteCarlo = time(
    () => {
      const prepared = prepareMonteCarlo(scenario, strategyId, ranges);
      if (!prepared.ok) throw new Error(prepared.error);
      const samples = [];
      for (let start = 0; start < 10_000; start += 500) {
        samples.push(...runPreparedMonteCarlo(prepared.prepared, { seed: 1, start, count: 500 }));
      }
      return summariseMonteCarlo(samples);
    },
    { runs: 5, warmup: 1, maxMs: 60_000 },
  );
  rows.push({
    name: 'Monte Carlo: 10,000 samples of the default scenario (4 ranges), in Node',
    value: ms(monteCarlo),
    budget: '<= 3000 ms',
    ok: monteCarlo.median <= 3000,
  });
}

// 6. The production build in Chromium: sizes, headline before charts, slider to painted chart.
rows.push(...bundleSizes());
rows.push(...(await browserTimings()));

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`npm run bench (node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`);
for (const r of rows) {
  const flag = r.ok === null ? '    ' : r.ok ? 'ok  ' : 'OVER';
  console.log(`${flag} ${r.name.padEnd(width)}  ${r.value}  [budget ${r.budget}]`);
}
if (rows.some((r) => r.ok === false)) process.exitCode = 1;
