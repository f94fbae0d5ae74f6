import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('../../src/scenario/document-check');
  vi.resetModules();
});

describe('validation arriving after the first screen', () => {
  it('checks an edit made before the validator loaded as soon as it arrives', async () => {
    // Hold the validator's chunk back until the edit has been made.
    vi.resetModules();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.doMock('../../src/scenario/document-check', async () => {
      await gate;
      return vi.importActual('../../src/scenario/document-check');
    });
    const { createCalculatorStore } = await import('../../src/state/calculator-store');
    const { defaultInputs } = await import('../../src/state/inputs-from-document');
    const { loadedValidator, validatorLoaded } = await import('../../src/state/document-validator');
    expect(loadedValidator()).toBeNull();

    const store = createCalculatorStore(defaultInputs());
    const before = store.getState().validDoc;
    store.getState().setField(['workloads', 0, 'tokensPerDay'], '200000000');
    // Not checked yet: the results keep showing the last valid document.
    expect(store.getState().validDoc).toBe(before);

    release();
    await validatorLoaded;
    const s = store.getState();
    expect(s.validDoc).toBe(s.doc);
    expect(s.validDoc.workloads[0]?.tokensPerDay).toBe('200000000');
    // The check added no undo step of its own.
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });

  it('keeps the last valid document for invalid text once loaded', async () => {
    const { createCalculatorStore } = await import('../../src/state/calculator-store');
    const { defaultInputs } = await import('../../src/state/inputs-from-document');
    const { validatorLoaded } = await import('../../src/state/document-validator');
    await validatorLoaded;
    const store = createCalculatorStore(defaultInputs());
    const before = store.getState().validDoc;
    store.getState().setField(['workloads', 0, 'tokensPerDay'], '-5');
    expect(store.getState().validDoc).toBe(before);
    store.getState().setField(['workloads', 0, 'tokensPerDay'], '5000000');
    expect(store.getState().validDoc).toBe(store.getState().doc);
  });
});

describe('analysis settings after a structural edit', () => {
  it("drops a removed option's uncertainty ranges and keeps the others", async () => {
    const { createCalculatorStore } = await import('../../src/state/calculator-store');
    const { defaultInputs } = await import('../../src/state/inputs-from-document');
    const { validatorLoaded } = await import('../../src/state/document-validator');
    const { addOption, removeOption } = await import('../../src/scenario/portfolio-edits');
    await validatorLoaded;
    const store = createCalculatorStore(defaultInputs());
    store.getState().edit((doc) => addOption(doc, 'selfHost').doc);
    const added = store.getState().doc.options[2];
    if (added?.kind !== 'selfHost') throw new Error('no option added');
    store.getState().edit((doc) => ({
      ...doc,
      analysis: {
        strategyId: doc.strategies[1]!.id,
        swing: '0.2',
        uncertainty: {
          seed: '7',
          samples: '10000',
          ranges: [
            { input: 'workload/support/tokensPerDay', low: '1e8', likely: '1.5e8', high: '2e8' },
            { input: `option/${added.id}/gpu.hourlyPerGpu`, low: '1', likely: '2', high: '3' },
          ],
        },
      },
    }));
    expect(store.getState().validDoc.analysis?.uncertainty?.ranges).toHaveLength(2);
    store.getState().edit((doc) => removeOption(doc, added.id));
    const ranges = store.getState().doc.analysis?.uncertainty?.ranges ?? [];
    expect(ranges.map((r) => r.input)).toEqual(['workload/support/tokensPerDay']);
    expect(store.getState().validDoc).toBe(store.getState().doc);
  });
});
