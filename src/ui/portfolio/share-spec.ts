import type { FieldSpec } from '../field-specs';

/** A route's share, typed and shown as percent of its workload, stored as a fraction. */
export const SHARE_SPEC: FieldSpec = {
  label: 'Share',
  unit: '% of workload',
  min: 0,
  max: 1,
  scale: 'linear',
  percent: true,
};
