import type { checkDocument } from '../scenario/document-check';

type Validate = typeof checkDocument;

let validate: Validate | null = null;
const waiting = new Set<() => void>();

/**
 * Validation (valibot and the scenario schema) is a chunk of its own, requested as soon as the
 * app starts: the first screen shows a built-in document that needs no checking, so it does not
 * wait for this code (initial JS budget, issue 3). Links and files are validated in their own
 * chunks, which include it; an edit made before it arrives is checked the moment it does.
 */
export const validatorLoaded: Promise<void> = import('../scenario/document-check').then((m) => {
  validate = m.checkDocument;
  for (const listener of waiting) listener();
  waiting.clear();
});

/** The validator, or null while its chunk is still on the way. */
export function loadedValidator(): Validate | null {
  return validate;
}

/** Calls `listener` once the validator has loaded (at once if it has). */
export function whenValidatorLoaded(listener: () => void): () => void {
  if (validate) {
    listener();
    return () => {};
  }
  waiting.add(listener);
  return () => waiting.delete(listener);
}
