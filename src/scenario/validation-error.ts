/** A problem with an input, with the path of the field it concerns (`workloads[0].inputShare`). */
export type ValidationError = { path: string; message: string };

/** Formats a path of keys as `a.b[0].c`. */
export function formatPath(keys: readonly (string | number)[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}
