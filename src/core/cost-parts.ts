import { ZERO } from './decimal';
import type { Dec } from './decimal';

/** The parts a monthly run-rate is reported in (DESIGN section 4, `runRate`). */
export type CostParts = {
  api: Dec;
  gpu: Dec;
  storage: Dec;
  monitoring: Dec;
  engineering: Dec;
  fineTuning: Dec;
};

export function zeroParts(): CostParts {
  return {
    api: ZERO,
    gpu: ZERO,
    storage: ZERO,
    monitoring: ZERO,
    engineering: ZERO,
    fineTuning: ZERO,
  };
}

export function addParts(a: CostParts, b: CostParts): CostParts {
  return {
    api: a.api.plus(b.api),
    gpu: a.gpu.plus(b.gpu),
    storage: a.storage.plus(b.storage),
    monitoring: a.monitoring.plus(b.monitoring),
    engineering: a.engineering.plus(b.engineering),
    fineTuning: a.fineTuning.plus(b.fineTuning),
  };
}

export function totalOfParts(p: CostParts): Dec {
  return p.api
    .plus(p.gpu)
    .plus(p.storage)
    .plus(p.monitoring)
    .plus(p.engineering)
    .plus(p.fineTuning);
}
