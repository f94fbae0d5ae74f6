import type { ScenarioResult, StrategyResult } from '../core/result';
import { formatMoney, formatShare, formatTokens } from './format';

type Props = {
  title: string;
  description: string;
  currency: string;
  result: ScenarioResult;
};

const PARTS = [
  ['api', 'API usage'],
  ['gpu', 'GPUs'],
  ['storage', 'Storage'],
  ['monitoring', 'Monitoring'],
  ['engineering', 'Engineering staff'],
  ['fineTuning', 'Fine-tuning'],
] as const;

/**
 * A plain, server-free rendering of the engine's results for one scenario: the page `npm start`
 * shows until the calculator UI lands. Every number comes from `evaluateScenario`.
 */
export function EngineSummary({ title, description, currency, result }: Props) {
  const money = (amount: string) => formatMoney(amount, currency);
  const baseline = result.strategies[0];
  return (
    <main>
      <h1>Self-host open-weight LLMs, or pay per token?</h1>
      <h2>{title}</h2>
      <p>{description}</p>
      <table>
        <caption>Monthly run-rate at today&apos;s volume</caption>
        <thead>
          <tr>
            <th scope="col">Cost</th>
            {result.strategies.map((s) => (
              <th scope="col" key={s.id}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PARTS.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              {result.strategies.map((s) => (
                <td key={s.id}>{money(s.runRate[key])}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">Total per month</th>
            {result.strategies.map((s) => (
              <td key={s.id}>
                <strong>{money(s.runRate.total)}</strong>
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Cost per 1M tokens</th>
            {result.strategies.map((s) => (
              <td key={s.id}>
                {s.costPerMTokens === null ? 'no tokens' : money(s.costPerMTokens)}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">NPV of cost over the horizon</th>
            {result.strategies.map((s) => (
              <td key={s.id}>{money(s.timeline.npv)}</td>
            ))}
          </tr>
        </tbody>
      </table>
      {result.strategies.slice(1).map((s) => (
        <Comparison key={s.id} strategy={s} baselineName={baseline?.name ?? ''} money={money} />
      ))}
    </main>
  );
}

function Comparison({
  strategy,
  baselineName,
  money,
}: {
  strategy: StrategyResult;
  baselineName: string;
  money: (amount: string) => string;
}) {
  const vs = strategy.vsBaseline;
  if (!vs) return null;
  const be = vs.breakEven;
  return (
    <section aria-label={`${strategy.name} against ${baselineName}`}>
      <h3>
        {strategy.name} against {baselineName}
      </h3>
      <ul>
        <li>Savings per month today: {money(vs.runRateSavings)}</li>
        <li>
          Break-even:{' '}
          {be.kind === 'at'
            ? `from ${formatTokens(be.tokensPerDay)} tokens/day`
            : be.kind === 'always'
              ? 'cheaper at every volume'
              : `never. ${be.reason}`}
        </li>
        <li>
          Payback:{' '}
          {vs.paybackMonth === null ? 'not within the horizon' : `month ${vs.paybackMonth}`}
        </li>
        <li>NPV of savings: {money(vs.npvSavings)}</li>
        {strategy.capacity.map((c) => (
          <li key={c.optionId}>
            {c.optionId}: {c.replicas} replicas, {c.gpus} GPUs, {formatShare(c.utilization)} average
            utilization
          </li>
        ))}
      </ul>
    </section>
  );
}
