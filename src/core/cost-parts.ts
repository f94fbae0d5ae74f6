import { ZERO, addDec } from './decimal';
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
    api: addDec(a.api, b.api),
    gpu: addDec(a.gpu, b.gpu),
    storage: addDec(a.storage, b.storage),
    monitoring: addDec(a.monitoring, b.monitoring),
    engineering: addDec(a.engineering, b.engineering),
    fineTuning: addDec(a.fineTuning, b.fineTuning),
  };
}

/** `api + gpu + storage + monitoring + engineering + fineTuning`, added in that order. */
export function totalOfParts(p: CostParts): Dec {
  let total = addDec(p.api, p.gpu);
  total = addDec(total, p.storage);
  total = addDec(total, p.monitoring);
  total = addDec(total, p.engineering);
  return addDec(total, p.fineTuning);
}
