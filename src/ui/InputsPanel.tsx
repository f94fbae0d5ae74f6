import { Suspense, lazy, startTransition, useEffect, useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { GpuDoc, ScenarioDoc } from '../scenario/document';
import { useCalculator, useCalculatorShallow, useCalculatorStore } from '../state/store-context';
import { NumberField } from './NumberField';
import { SPECS } from './input-specs';
import { ApiModelPicker, GpuPicker, ProfilePicker } from './LazyPickers';
import { useCatalog } from './catalog-context';
import { gpuForMode } from './gpu-price-fill';
import { InputSelectionContext } from './input-selection';
import { CurrencySettings } from './CurrencySettings';
import type { InputSelection } from './input-selection';

// The portfolio editor is its own chunk, loaded when its section is opened.
const PortfolioEditor = lazy(() => import('./portfolio/PortfolioEditor'));

/**
 * The inputs, in four groups: Volume and traffic; API pricing; Self-hosting; Finance. With
 * several workloads or options the analyst picks which one to edit (the portfolio editor of
 * issue 5 edits them all at once).
 */
export function InputsPanel() {
  // Selected as text so this panel (and its fields) re-renders only when the list of workloads or
  // options changes, not on every value edit.
  const shape = useCalculator((s) =>
    JSON.stringify([
      s.doc.workloads.map((w) => w.name),
      optionIndexes(s.doc, 'api'),
      optionIndexes(s.doc, 'selfHost'),
      s.doc.options.map((o) => o.id),
    ]),
  );
  const [workloadNames, apiList, selfList, optionIds] = JSON.parse(shape) as [
    string[],
    number[],
    number[],
    string[],
  ];
  // Below the fold, mounted one group per step after the first paint, so no single commit
  // (which cannot be sliced) holds the whole panel.
  const step = useMountSteps(2);
  const [workload, setWorkload] = useState(0);
  // Options are chosen by id, so the choice survives options being added, removed or moved.
  const [apiChoice, setApiChoice] = useState<string | null>(null);
  const [selfChoice, setSelfChoice] = useState<string | null>(null);
  const workloadList = workloadNames.map((name, i) => [i, name] as [number, string]);
  const w = Math.min(workload, workloadList.length - 1);
  const apiIndex = apiList.find((i) => optionIds[i] === apiChoice) ?? apiList[0];
  const selfIndex = selfList.find((i) => optionIds[i] === selfChoice) ?? selfList[0];
  const ids = { volume: useId(), api: useId(), self: useId() };
  const selection = useMemo<InputSelection>(
    () => ({
      selectWorkload: (index) => {
        setWorkload(index);
        bringIntoView(ids.volume);
      },
      selectOption: (optionId, kind) => {
        if (kind === 'api') setApiChoice(optionId);
        else setSelfChoice(optionId);
        bringIntoView(kind === 'api' ? ids.api : ids.self);
      },
    }),
    [ids.volume, ids.api, ids.self, setWorkload, setApiChoice, setSelfChoice],
  );

  return (
    <InputSelectionContext.Provider value={selection}>
      <div className="inputs">
        <PortfolioGroup
          summary={`${workloadList.length} workload${workloadList.length === 1 ? '' : 's'}, ${apiList.length + selfList.length} option${apiList.length + selfList.length === 1 ? '' : 's'}`}
          openAtStart={workloadList.length !== 1}
        />
        {workloadList.length > 0 && (
          <Group title="Volume and traffic" id={ids.volume}>
            {workloadList.length > 1 && (
              <Chooser label="Workload" value={w} onChange={setWorkload} options={workloadList} />
            )}
            {w >= 0 && (
              <>
                <Fields
                  base={['workloads', w]}
                  names={[
                    'tokensPerDay',
                    'inputShare',
                    'cachedInputShare',
                    'batchShare',
                    'peakToAverage',
                    'growthPerMonth',
                  ]}
                />
              </>
            )}
          </Group>
        )}
        {apiIndex !== undefined && (
          <Group title="API pricing" id={ids.api}>
            {apiList.length > 1 && (
              <OptionChooser
                label="API option"
                indexes={apiList}
                value={apiList.indexOf(apiIndex)}
                onChange={(position) => setApiChoice(optionIds[apiList[position] ?? -1] ?? null)}
              />
            )}
            <ApiModelPicker index={apiIndex} />
            <Fields
              base={['options', apiIndex]}
              names={[
                'inputPerM',
                'cachedInputPerM',
                'outputPerM',
                'batchDiscount',
                'priceChangePerYear',
                'integrationFte',
                'fineTuningPerMonth',
                'fineTuningOneTime',
              ]}
            />
          </Group>
        )}
        {step >= 1 && selfIndex !== undefined && (
          <Group title="Self-hosting" id={ids.self}>
            {selfList.length > 1 && (
              <OptionChooser
                label="Self-hosted option"
                indexes={selfList}
                value={selfList.indexOf(selfIndex)}
                onChange={(position) => setSelfChoice(optionIds[selfList[position] ?? -1] ?? null)}
              />
            )}
            <ProfilePicker index={selfIndex} />
            <GpuPicker index={selfIndex} />
            <GpuPricing index={selfIndex} />
            <h3 className="subgroup">Capacity</h3>
            <Fields
              base={['options', selfIndex]}
              names={[
                'gpusPerReplica',
                'prefillTokensPerSec',
                'decodeTokensPerSec',
                'targetUtilization',
                'minReplicas',
              ]}
            />
            <h3 className="subgroup">Staff</h3>
            <StaffTiers index={selfIndex} />
            <h3 className="subgroup">Operations</h3>
            <Fields
              base={['options', selfIndex]}
              names={[
                'storagePerMonth',
                'storagePerGpuMonth',
                'monitoringPerMonth',
                'monitoringPerGpuMonth',
                'fineTuningPerMonth',
                'fineTuningOneTime',
              ]}
            />
          </Group>
        )}
        {step >= 2 && (
          <Group title="Finance">
            <Fields
              base={['settings']}
              names={['horizonMonths', 'discountRatePerYear', 'fteCostPerYear']}
            />
            <CalendarAndCurrency />
          </Group>
        )}
      </div>
    </InputSelectionContext.Provider>
  );
}

/** Brings a group into view and focuses its first control, after a portfolio "Edit figures". */
function bringIntoView(id: string) {
  requestAnimationFrame(() => {
    const group = document.getElementById(id);
    group?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    // Keyboard users land in the group, not 30 tabs away from it.
    group
      ?.querySelector<HTMLElement>('select:not(:disabled), input')
      ?.focus({ preventScroll: true });
  });
}

/**
 * Workloads, options and strategies: a summary, and the portfolio editor once opened (open at
 * the start for a scenario with several workloads).
 */
function PortfolioGroup({ summary, openAtStart }: { summary: string; openAtStart: boolean }) {
  // Open for a scenario with several workloads, until the user opens or closes it.
  const [chosen, setOpen] = useState<boolean | null>(null);
  const open = chosen ?? openAtStart;
  const strategies = useCalculator((s) => s.doc.strategies.length);
  return (
    <Group title="Portfolio">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {summary}, {strategies} {strategies === 1 ? 'strategy' : 'strategies'}: add, remove,
          rename, route
        </summary>
        {open && (
          <Suspense fallback={<p>Loading the editor…</p>}>
            <PortfolioEditor />
          </Suspense>
        )}
      </details>
    </Group>
  );
}

/**
 * 0 on the first render, then 1, 2… up to `steps`, one per commit, each in a transition: groups
 * below the fold render in time slices after the first paint, one commit each.
 */
function useMountSteps(steps: number): number {
  const [step, setStep] = useState(0);
  useEffect(() => {
    if (step < steps) startTransition(() => setStep((s) => s + 1));
  }, [step, steps]);
  return step;
}

/** Several fields of one object, each with the spec of the same name. */
function Fields({
  base,
  names,
}: {
  base: readonly (string | number)[];
  names: readonly (keyof typeof SPECS)[];
}) {
  return (
    <>
      {names.map((name) => (
        <NumberField key={name} path={[...base, name]} spec={SPECS[name]} />
      ))}
    </>
  );
}

function optionIndexes(doc: ScenarioDoc, kind: 'api' | 'selfHost'): number[] {
  return doc.options.flatMap((o, i) => (o.kind === kind ? [i] : []));
}

function Group({ title, id, children }: { title: string; id?: string; children: ReactNode }) {
  return (
    <fieldset className="group" id={id}>
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

function Chooser({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: number;
  onChange: (v: number) => void;
  options: [number, string][];
}) {
  return (
    <label className="chooser">
      {label}
      <select value={value} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {options.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

function OptionChooser({
  label,
  indexes,
  value,
  onChange,
}: {
  label: string;
  indexes: number[];
  value: number;
  onChange: (v: number) => void;
}) {
  const names = useCalculatorShallow((s) => indexes.map((i) => s.doc.options[i]?.name ?? ''));
  return (
    <Chooser
      label={label}
      value={value}
      onChange={onChange}
      options={names.map((n, i) => [i, n])}
    />
  );
}

const GPU_MODES: [GpuDoc['mode'], string][] = [
  ['hourly', 'Rented by the hour'],
  ['monthly', 'Committed per month'],
  ['buy', 'Bought'],
];

/** The GPU pricing mode and its fields; switching mode keeps the GPU's name. */
function GpuPricing({ index }: { index: number }) {
  const store = useCalculatorStore();
  const catalog = useCatalog();
  const gpu = useCalculator((s) => {
    const o = s.doc.options[index];
    return o?.kind === 'selfHost' ? o.gpu : null;
  });
  if (!gpu) return null;
  const base = ['options', index, 'gpu'] as const;
  // A catalog GPU stays the source after a mode switch: its figures for the new mode are filled
  // in (or, where the catalog has none, the reference to a price is dropped).
  const switchMode = (mode: GpuDoc['mode']) => {
    const state = store.getState();
    const option = state.doc.options[index];
    const ref = option ? state.origin.catalogRefs[option.id] : undefined;
    const catalogGpu = ref?.gpuId ? catalog?.findGpu(ref.gpuId) : undefined;
    const basis = ref?.gpuPrice === 'committedHourly' ? 'committedHourly' : 'onDemandHourly';
    const { daysPerYear } = state.doc.settings;
    const next = gpuForMode(mode, gpu.name, catalogGpu, basis, daysPerYear, state.doc);
    if (!option) return;
    const { gpuPrice: _dropped, ...rest } = ref ?? {};
    const refs = ref
      ? {
          ...state.origin.catalogRefs,
          [option.id]: { ...rest, ...(next.gpuPrice ? { gpuPrice: next.gpuPrice } : {}) },
        }
      : undefined;
    state.setFields([[base, next.gpu]], refs);
  };
  return (
    <>
      <label className="chooser">
        GPU pricing
        <select
          value={gpu.mode}
          onChange={(e) => switchMode(e.currentTarget.value as GpuDoc['mode'])}
        >
          {GPU_MODES.map(([mode, label]) => (
            <option key={mode} value={mode}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {gpu.mode === 'hourly' && (
        <NumberField path={[...base, 'hourlyPerGpu']} spec={SPECS.hourlyPerGpu} />
      )}
      {gpu.mode === 'monthly' && (
        <NumberField path={[...base, 'monthlyPerGpu']} spec={SPECS.monthlyPerGpu} />
      )}
      {gpu.mode === 'buy' && (
        <>
          <NumberField path={[...base, 'purchasePerGpu']} spec={SPECS.purchasePerGpu} />
          <NumberField path={[...base, 'amortizationMonths']} spec={SPECS.amortizationMonths} />
          <NumberField path={[...base, 'residualShare']} spec={SPECS.residualShare} />
          <NumberField path={[...base, 'powerKwPerGpu']} spec={SPECS.powerKwPerGpu} />
          <NumberField path={[...base, 'pue']} spec={SPECS.pue} />
          <NumberField path={[...base, 'pricePerKwh']} spec={SPECS.pricePerKwh} />
          <NumberField path={[...base, 'hostingPerGpuMonth']} spec={SPECS.hostingPerGpuMonth} />
        </>
      )}
    </>
  );
}

/** Staff tiers: engineers needed from each volume on. */
function StaffTiers({ index }: { index: number }) {
  const count = useCalculator((s) => {
    const o = s.doc.options[index];
    return o?.kind === 'selfHost' ? o.engineeringFte.length : 0;
  });
  const tiers = Array.from({ length: count }, (_, t) => t);
  return (
    <>
      {tiers.map((t) => (
        <div key={t} className="tier">
          {t > 0 && (
            <NumberField
              path={['options', index, 'engineeringFte', t, 'fromTokensPerDay']}
              spec={{ ...SPECS.fromTokensPerDay, label: `Tier ${t + 1} from` }}
            />
          )}
          <NumberField
            path={['options', index, 'engineeringFte', t, 'fte']}
            spec={{
              ...SPECS.fte,
              label: t === 0 ? 'Engineers (from 0 tokens/day)' : `Tier ${t + 1} engineers`,
            }}
          />
        </div>
      ))}
    </>
  );
}

function CalendarAndCurrency() {
  const store = useCalculatorStore();
  const daysPerYear = useCalculator((s) => s.doc.settings.daysPerYear);
  return (
    <>
      <label className="chooser">
        Calendar
        <select
          value={daysPerYear}
          onChange={(e) =>
            store.getState().setField(['settings', 'daysPerYear'], e.currentTarget.value)
          }
        >
          <option value="365">365 days (730 hours a month)</option>
          <option value="360">30/360 (720 hours a month)</option>
        </select>
      </label>
      <CurrencySettings />
    </>
  );
}
