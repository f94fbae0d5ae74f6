import { memo, useId, useMemo } from 'react';
import type { MonteCarloJobResult } from '../../platform/analysis-jobs';
import type { AnalysisRunner } from '../../platform/analysis-client';
import { ChartFigure } from '../charts/ChartFigure';
import { compactMoney } from '../charts/chart-format';
import { formatMoney } from '../format';
import { SavingsHistogram } from './SavingsHistogram';
import {
  PERCENTILE_RULE,
  binMoney,
  breakEvenRule,
  breakEvenText,
  formatCount,
  formatProbability,
  histogramSummary,
  ineffectiveText,
  probabilitySentence,
  tieRule,
} from './uncertainty-text';

/**
 * What a Monte Carlo run found (issue 6 item 3): the probability that the strategy is cheaper
 * (with the tie rule), P10/P50/P90 of the monthly savings and of the break-even volume (with how
 * "always" and "never" count), the histogram of savings with its summary and its bins as a table,
 * and the ranges that changed nothing. Marked out of date when the scenario, the strategy, the
 * ranges, the seed or the number of samples changed since the run.
 */
export const UncertaintyResults = memo(function UncertaintyResults({
  result,
  runner,
  stale,
  strategyName,
  baselineName,
  currency,
  exportable,
  chartWidth,
  locale,
}: {
  result: MonteCarloJobResult;
  runner: AnalysisRunner;
  stale: boolean;
  strategyName: string;
  baselineName: string;
  currency: string;
  exportable: boolean;
  chartWidth?: number;
  locale?: string;
}) {
  const id = useId();
  const { summary } = result;
  const money = (v: string) => formatMoney(v, currency, locale);
  const s = summary.savings;
  const be = summary.breakEven;
  const formatters = useMemo(
    () => ({
      tick: (v: number) => compactMoney(v, currency, locale),
      value: (v: number) => binMoney(v, currency, locale),
      count: (n: number) => formatCount(n, locale),
    }),
    [currency, locale],
  );
  const caption = `Monthly savings of ${strategyName} over ${formatCount(summary.samples, locale)} samples`;

  return (
    <div
      className={stale ? 'mc-results mc-outdated' : 'mc-results'}
      data-stale={stale ? 'true' : 'false'}
    >
      {stale && (
        <p className="mc-stale">
          <span className="analysis-badge">Out of date</span> The scenario, the strategy, the
          ranges, the seed or the number of samples changed since this run. Run it again to update
          these results.
        </p>
      )}
      <p className="mc-probability">
        <span className="mc-probability-value" aria-hidden="true">
          {formatProbability(summary.cheaper.count, summary.samples, locale)}
        </span>{' '}
        <span>{probabilitySentence(summary, strategyName, baselineName, locale)}</span>
      </p>
      <p className="analysis-note">{tieRule(summary, locale)}</p>
      <p className="comparison-caption" id={`${id}-pct`}>
        Percentiles of {formatCount(summary.samples, locale)} samples (seed {result.seed})
      </p>
      <div className="comparison-scroll" role="region" aria-labelledby={`${id}-pct`} tabIndex={0}>
        <table className="comparison-table mc-percentiles" aria-labelledby={`${id}-pct`}>
          <thead>
            <tr>
              <th scope="col">Percentile</th>
              <th scope="col" className="comparison-number">
                Savings a month
              </th>
              <th scope="col">Break-even volume</th>
            </tr>
          </thead>
          <tbody>
            {(['p10', 'p50', 'p90'] as const).map((p) => (
              <tr key={p}>
                <th scope="row">{p === 'p50' ? 'P50 (median)' : p.toUpperCase()}</th>
                <td className="comparison-number">{s ? money(s[p]) : '—'}</td>
                <td>{breakEvenText(be[p], locale)}</td>
              </tr>
            ))}
            <tr className="mc-today">
              <th scope="row">At the scenario&apos;s values</th>
              <td className="comparison-number">{money(result.base.runRateSavings)}</td>
              <td>{breakEvenText(result.base.breakEven, locale)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="analysis-note">
        Savings are the baseline&apos;s monthly cost minus the strategy&apos;s, at today&apos;s
        volume: above zero the strategy is cheaper.{s && ` The mean is ${money(s.mean)}.`}
      </p>
      <p className="analysis-note">{PERCENTILE_RULE}</p>
      <p className="analysis-note">{breakEvenRule(summary, locale)}</p>
      <ChartFigure
        captionId={`${id}-chart`}
        caption={caption}
        fileName={`uncertainty ${strategyName}`}
        exportable={exportable}
        summary={histogramSummary(result, strategyName, currency, locale)}
      >
        <SavingsHistogram
          histogram={summary.histogram}
          formatTick={formatters.tick}
          formatValue={formatters.value}
          formatCount={formatters.count}
          axisTitle={`Savings a month (${currency}): baseline minus strategy`}
          label={caption}
          {...(chartWidth === undefined ? {} : { width: chartWidth })}
        />
      </ChartFigure>
      <details className="mc-bins">
        <summary>The histogram as a table ({summary.histogram.bins.length} bins)</summary>
        <div
          className="comparison-scroll"
          role="region"
          aria-labelledby={`${id}-bins`}
          tabIndex={0}
        >
          <table className="comparison-table" aria-labelledby={`${id}-bins`}>
            <caption id={`${id}-bins`} className="visually-hidden">
              Samples by monthly savings
            </caption>
            <thead>
              <tr>
                <th scope="col">Savings a month</th>
                <th scope="col" className="comparison-number">
                  Samples
                </th>
                <th scope="col" className="comparison-number">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.histogram.bins.map((bin, i, all) => (
                <tr key={`${bin.from}:${bin.to}`}>
                  <th scope="row">
                    {bin.from === bin.to
                      ? binMoney(bin.from, currency, locale)
                      : `${binMoney(bin.from, currency, locale)} to ${i === all.length - 1 ? '' : 'under '}${binMoney(bin.to, currency, locale)}`}
                  </th>
                  <td className="comparison-number">{formatCount(bin.count, locale)}</td>
                  <td className="comparison-number">
                    {formatProbability(bin.count, summary.samples, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {result.ineffective.length > 0 && (
        <div className="mc-ineffective">
          <h4>
            {result.ineffective.length === 1
              ? 'One range had no effect'
              : `${result.ineffective.length} ranges had no effect`}
          </h4>
          <ul>
            {result.ineffective.map((r) => (
              <li key={r.key}>{ineffectiveText(r)}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="mc-runner" data-runner={runner}>
        {runner === 'worker'
          ? 'Computed in a background thread, so the page stays responsive.'
          : 'Computed on this page in short steps: this browser did not start a background thread.'}
      </p>
    </div>
  );
});
