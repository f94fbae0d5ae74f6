import { Suspense, lazy, useId } from 'react';

// The catalog pickers are useless until the catalogs arrive, so their code comes in the same
// late download; until then a disabled select with the same label holds their place.
const pickers = () => import('./CatalogPickers');
const ApiModelPickerLazy = lazy(() => pickers().then((m) => ({ default: m.ApiModelPicker })));
const ProfilePickerLazy = lazy(() => pickers().then((m) => ({ default: m.ProfilePicker })));
const GpuPickerLazy = lazy(() => pickers().then((m) => ({ default: m.GpuPicker })));

function Placeholder({ label }: { label: string }) {
  const id = useId();
  return (
    <div className="picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} disabled>
        <option>Loading the catalog…</option>
      </select>
    </div>
  );
}

export function ApiModelPicker({ index }: { index: number }) {
  return (
    <Suspense fallback={<Placeholder label="API model" />}>
      <ApiModelPickerLazy index={index} />
    </Suspense>
  );
}

export function ProfilePicker({ index }: { index: number }) {
  return (
    <Suspense fallback={<Placeholder label="Model and GPU" />}>
      <ProfilePickerLazy index={index} />
    </Suspense>
  );
}

export function GpuPicker({ index }: { index: number }) {
  return (
    <Suspense fallback={<Placeholder label="GPU" />}>
      <GpuPickerLazy index={index} />
    </Suspense>
  );
}
