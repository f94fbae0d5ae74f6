import { memo, useId, useState } from 'react';
import { Dec } from '../../core/decimal';
import { beginGesture, endGesture } from '../../state/calculator-store';
import { useCalculator, useCalculatorStore } from '../../state/store-context';
import {
  routeAllTo,
  routeHybrid,
  setRouteShare,
  workloadShareTotal,
} from '../../scenario/portfolio-edits';
import { formatPath } from '../../scenario/validation-error';
import { fromFieldText, toFieldDisplay } from '../field-specs';
import { useFieldErrors } from '../evaluation-context';
import { SHARE_SPEC } from './share-spec';

type Item = { id: string; name: string };

/**
 * A strategy's routing matrix: workloads by options, each cell the share of the workload sent to
 * the option, in percent. An empty cell is no route (the option does not run for it); 0% is a
 * route with no traffic (the deployment still runs, DESIGN 3.3). Each workload's shares must
 * total 100%; a row that does not says by how much.
 */
export function RoutingMatrix({
  strategyIndex,
  strategyName,
  workloads,
  options,
}: {
  strategyIndex: number;
  strategyName: string;
  workloads: readonly Item[];
  options: readonly (Item & { kind: 'api' | 'selfHost' })[];
}) {
  const routesText = useCalculator((s) =>
    JSON.stringify(s.doc.strategies[strategyIndex]?.routes ?? []),
  );
  const routes = JSON.parse(routesText) as {
    workloadId: string;
    optionId: string;
    share: string;
  }[];
  const strategy = { id: '', name: strategyName, routes };
  const captionId = useId();
  const short = workloads
    .map((w) => ({ w, total: workloadShareTotal(strategy, w.id) }))
    .filter(({ total }) => !new Dec(total).equals(1));
  return (
    <div className="routing">
      <QuickActions strategyIndex={strategyIndex} options={options} />
      {short.length > 0 && (
        <p className="field-error" role="status">
          Each workload&apos;s shares must total 100%:{' '}
          {short
            .map(({ w, total }) => `${w.name} totals ${toFieldDisplay(SHARE_SPEC, total)}%`)
            .join('; ')}
          .
        </p>
      )}
      {options.length === 0 || workloads.length === 0 ? (
        <p className="field-help">
          Add {workloads.length === 0 ? 'a workload' : ''}
          {workloads.length === 0 && options.length === 0 ? ' and ' : ''}
          {options.length === 0 ? 'an option' : ''} to route traffic.
        </p>
      ) : (
        <div className="routing-scroll">
          <table className="routing-table" aria-labelledby={captionId}>
            <caption id={captionId}>{strategyName}: share of each workload per option (%)</caption>
            <thead>
              <tr>
                <th scope="col">Workload</th>
                {options.map((o) => (
                  <th scope="col" key={o.id}>
                    {o.name}
                  </th>
                ))}
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {workloads.map((w) => {
                const total = workloadShareTotal(strategy, w.id);
                const ok = new Dec(total).equals(1);
                return (
                  <tr key={w.id}>
                    <th scope="row">{w.name}</th>
                    {options.map((o) => {
                      const at = routes.findIndex(
                        (r) => r.workloadId === w.id && r.optionId === o.id,
                      );
                      return (
                        <td key={o.id}>
                          <ShareCell
                            strategyIndex={strategyIndex}
                            routeIndex={at}
                            workloadId={w.id}
                            optionId={o.id}
                            share={at >= 0 ? (routes[at]?.share ?? '') : null}
                            label={`${w.name} on ${o.name}, percent`}
                          />
                        </td>
                      );
                    })}
                    <td className={ok ? 'routing-total' : 'routing-total field-error'}>
                      {toFieldDisplay(SHARE_SPEC, total)}%{ok ? '' : ' ≠ 100%'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

const ShareCell = memo(function ShareCell({
  strategyIndex,
  routeIndex,
  workloadId,
  optionId,
  share,
  label,
}: {
  strategyIndex: number;
  routeIndex: number;
  workloadId: string;
  optionId: string;
  share: string | null;
  label: string;
}) {
  const store = useCalculatorStore();
  const [draft, setDraft] = useState<string | null>(null);
  const error = useFieldErrors().get(
    formatPath(['strategies', strategyIndex, 'routes', routeIndex, 'share']),
  );
  const id = useId();
  return (
    <>
      <input
        className="share-input"
        inputMode="decimal"
        autoComplete="off"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        placeholder="–"
        value={draft ?? (share === null ? '' : toFieldDisplay(SHARE_SPEC, share))}
        onFocus={() => beginGesture(store)}
        onBlur={() => {
          setDraft(null);
          endGesture(store);
        }}
        onChange={(e) => {
          const typed = e.currentTarget.value;
          setDraft(typed);
          const value = typed.trim() === '' ? null : fromFieldText(SHARE_SPEC, typed);
          store
            .getState()
            .edit((d) => setRouteShare(d, strategyIndex, workloadId, optionId, value));
        }}
      />
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </>
  );
});

/** "All to X" and "Hybrid: N% of every workload to API X", for the strategy being edited. */
function QuickActions({
  strategyIndex,
  options,
}: {
  strategyIndex: number;
  options: readonly (Item & { kind: 'api' | 'selfHost' })[];
}) {
  const store = useCalculatorStore();
  const apis = options.filter((o) => o.kind === 'api');
  const [allTo, setAllTo] = useState('');
  const [api, setApi] = useState('');
  const [percent, setPercent] = useState('10');
  const id = useId();
  const allToId = allTo || options[0]?.id || '';
  const apiId = api || apis[0]?.id || '';
  const hybridShare = fromFieldText(SHARE_SPEC, percent);
  const hybridOk = /^\d+(\.\d+)?$/.test(hybridShare) && new Dec(hybridShare).lte(1);
  if (options.length === 0) return null;
  return (
    <div className="quick-actions" role="group" aria-label="Quick routing">
      <div className="portfolio-row">
        <label htmlFor={`${id}-all`}>All traffic to</label>
        <select id={`${id}-all`} value={allToId} onChange={(e) => setAllTo(e.currentTarget.value)}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => store.getState().edit((d) => routeAllTo(d, strategyIndex, allToId))}
        >
          Route all
        </button>
      </div>
      {apis.length > 0 && (
        <div className="portfolio-row">
          <label htmlFor={`${id}-pct`}>Hybrid: send</label>
          <input
            id={`${id}-pct`}
            className="share-input"
            inputMode="decimal"
            value={percent}
            aria-invalid={hybridOk ? undefined : true}
            onChange={(e) => setPercent(e.currentTarget.value)}
          />
          <label htmlFor={`${id}-api`}>% of every workload to</label>
          <select id={`${id}-api`} value={apiId} onChange={(e) => setApi(e.currentTarget.value)}>
            {apis.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!hybridOk}
            onClick={() =>
              store.getState().edit((d) => routeHybrid(d, strategyIndex, apiId, hybridShare))
            }
          >
            Apply hybrid
          </button>
          {!hybridOk && <span className="field-error">Enter a percentage from 0 to 100.</span>}
        </div>
      )}
    </div>
  );
}
