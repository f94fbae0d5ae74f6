import { memo, useId, useMemo, useState } from 'react';
import { useCalculator, useCalculatorStore } from '../../state/store-context';
import {
  addOption,
  addStrategy,
  addWorkload,
  moveOption,
  moveStrategy,
  moveWorkload,
  removeOption,
  removeStrategy,
  removeWorkload,
} from '../../scenario/portfolio-edits';
import { formatTokens } from '../format';
import { useInputSelection } from '../input-selection';
import { TextField } from './TextField';
import { RoutingMatrix } from './RoutingMatrix';

type Names = {
  workloads: { id: string; name: string }[];
  options: { id: string; name: string; kind: 'api' | 'selfHost' }[];
  strategies: { id: string; name: string }[];
};
type Shape = Omit<Names, 'workloads'> & {
  workloads: (Names['workloads'][number] & { tokensPerDay: string })[];
};

/**
 * The portfolio editor (issue 5): workloads, options and strategies added, removed, renamed and
 * reordered, and each strategy's routing matrix. It re-renders when the portfolio's shape changes,
 * not when a slider moves a number.
 */
export default function PortfolioEditor() {
  const volumesText = useCalculator((s) =>
    JSON.stringify(s.doc.workloads.map((w) => w.tokensPerDay)),
  );
  const namesText = useCalculator((s) =>
    JSON.stringify({
      workloads: s.doc.workloads.map((w) => ({ id: w.id, name: w.name })),
      options: s.doc.options.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
      strategies: s.doc.strategies.map((st) => ({ id: st.id, name: st.name })),
    } satisfies Names),
  );
  // Parsed once per change of the text: a volume drag changes the workload list's figures, not
  // the names the strategies and their routing matrices are drawn from.
  const names = useMemo(() => JSON.parse(namesText) as Names, [namesText]);
  const workloads = useMemo(() => {
    const volumes = JSON.parse(volumesText) as string[];
    return names.workloads.map((w, i) => ({ ...w, tokensPerDay: volumes[i] ?? '0' }));
  }, [names, volumesText]);
  return (
    <div className="portfolio-editor">
      <WorkloadList workloads={workloads} />
      <OptionList options={names.options} />
      <StrategyList shape={names} />
    </div>
  );
}

function WorkloadList({ workloads }: { workloads: Shape['workloads'] }) {
  const store = useCalculatorStore();
  const { selectWorkload } = useInputSelection();
  const id = useId();
  return (
    <section className="portfolio-list" aria-labelledby={id}>
      <h3 id={id}>Workloads ({workloads.length})</h3>
      {workloads.length === 0 && <p className="field-help">No workload yet: add the first.</p>}
      <ol>
        {workloads.map((w, i) => (
          <li key={w.id} data-name-slot={`workload-${i}`}>
            <TextField path={['workloads', i, 'name']} label={`Name of workload ${i + 1}`} />
            <span className="portfolio-note">{formatTokens(w.tokensPerDay)} tokens/day</span>
            <span className="portfolio-actions">
              <button
                aria-label={`Edit figures of ${w.name}`}
                type="button"
                onClick={() => selectWorkload(i)}
              >
                Edit figures
              </button>
              <MoveButtons
                name={w.name}
                index={i}
                count={workloads.length}
                onMove={(delta) => store.getState().edit((d) => moveWorkload(d, i, delta))}
              />
              <button
                aria-label={`Remove workload ${w.name}`}
                type="button"
                onClick={() => store.getState().edit((d) => removeWorkload(d, w.id))}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => {
          store.getState().edit((d) => addWorkload(d));
          selectWorkload(workloads.length);
          focusName(`workload-${workloads.length}`);
        }}
      >
        Add workload
      </button>
    </section>
  );
}

function OptionList({ options }: { options: Shape['options'] }) {
  const store = useCalculatorStore();
  const { selectOption } = useInputSelection();
  const id = useId();
  const add = (kind: 'api' | 'selfHost') => {
    let id = '';
    store.getState().edit((d) => {
      const added = addOption(d, kind);
      id = added.id;
      return added.doc;
    });
    selectOption(id, kind);
  };
  return (
    <section className="portfolio-list" aria-labelledby={id}>
      <h3 id={id}>Options ({options.length})</h3>
      <p className="field-help">
        Ways to serve tokens. Pick a catalog model for an option in the API pricing or Self-hosting
        group (Edit figures).
      </p>
      <ol>
        {options.map((o, i) => (
          <li key={o.id}>
            <TextField path={['options', i, 'name']} label={`Name of option ${i + 1}`} />
            <span className="portfolio-note">{o.kind === 'api' ? 'API' : 'Self-hosted'}</span>
            <span className="portfolio-actions">
              <button
                aria-label={`Edit figures of ${o.name}`}
                type="button"
                onClick={() => selectOption(o.id, o.kind)}
              >
                Edit figures
              </button>
              <MoveButtons
                name={o.name}
                index={i}
                count={options.length}
                onMove={(delta) => store.getState().edit((d) => moveOption(d, i, delta))}
              />
              <button
                aria-label={`Remove option ${o.name}`}
                type="button"
                onClick={() => store.getState().edit((d) => removeOption(d, o.id))}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      <span className="portfolio-actions">
        <button type="button" onClick={() => add('api')}>
          Add API option
        </button>
        <button type="button" onClick={() => add('selfHost')}>
          Add self-hosted option
        </button>
      </span>
    </section>
  );
}

const StrategyList = memo(function StrategyList({ shape }: { shape: Names }) {
  const store = useCalculatorStore();
  const [chosen, setChosen] = useState(0);
  const id = useId();
  const { strategies } = shape;
  const index = Math.min(chosen, strategies.length - 1);
  const strategy = strategies[index];
  return (
    <section className="portfolio-list" aria-labelledby={id}>
      <h3 id={id}>Strategies ({strategies.length})</h3>
      <p className="field-help">
        Which option serves which share of each workload. The first strategy is the baseline the
        others are compared with.
      </p>
      <label className="chooser">
        Strategy to edit
        <select value={index} onChange={(e) => setChosen(Number(e.currentTarget.value))}>
          {strategies.map((s, i) => (
            <option key={s.id} value={i}>
              {s.name}
              {i === 0 ? ' (baseline)' : ''}
            </option>
          ))}
        </select>
      </label>
      {strategy && (
        <>
          <div className="portfolio-row" data-name-slot="strategy">
            <TextField path={['strategies', index, 'name']} label="Name of this strategy" />
            <span className="portfolio-actions">
              <button
                aria-label={`Add strategy (a copy of ${strategy.name})`}
                type="button"
                onClick={() => {
                  store
                    .getState()
                    .edit((d) => addStrategy(d, index, `${strategy.name} (copy)`).doc);
                  setChosen(strategies.length);
                  focusName('strategy');
                }}
              >
                Add strategy
              </button>
              {index > 0 && (
                <button
                  type="button"
                  onClick={() => {
                    store.getState().edit((d) => moveStrategy(d, index, -index));
                    setChosen(0);
                  }}
                >
                  Make baseline
                </button>
              )}
              <button
                aria-label={`Remove strategy ${strategy.name}`}
                type="button"
                disabled={strategies.length <= 1}
                onClick={() => {
                  store.getState().edit((d) => removeStrategy(d, index));
                  setChosen(Math.max(0, index - 1));
                }}
              >
                Remove
              </button>
            </span>
          </div>
          <RoutingMatrix
            strategyIndex={index}
            strategyName={strategy.name}
            workloads={shape.workloads}
            options={shape.options}
          />
        </>
      )}
    </section>
  );
});

function MoveButtons({
  name,
  index,
  count,
  onMove,
}: {
  name: string;
  index: number;
  count: number;
  onMove: (delta: number) => void;
}) {
  return (
    <>
      <button
        type="button"
        disabled={index === 0}
        onClick={() => onMove(-1)}
        aria-label={`Move ${name} up`}
      >
        ↑
      </button>
      <button
        type="button"
        disabled={index === count - 1}
        onClick={() => onMove(1)}
        aria-label={`Move ${name} down`}
      >
        ↓
      </button>
    </>
  );
}

/** Focuses a name field after React has rendered it (a new workload, a new strategy). */
function focusName(slot: string) {
  requestAnimationFrame(() =>
    document.querySelector<HTMLInputElement>(`[data-name-slot="${slot}"] input`)?.select(),
  );
}
