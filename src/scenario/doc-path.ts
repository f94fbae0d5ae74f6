/** A field of a scenario document: keys and list indexes, e.g. `['options', 1, 'gpu', 'hourlyPerGpu']`. */
export type DocPath = readonly (string | number)[];

/** The value at a path, or undefined. */
export function getAt(root: unknown, path: DocPath): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A copy of `root` with `value` at `path`; the objects along the path are copied, the rest shared. */
export function setAt<T>(root: T, path: DocPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path;
  if (key === undefined) return root;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[key as number] = setAt(copy[key as number], rest, value);
    return copy as T;
  }
  const obj = (root ?? {}) as Record<string, unknown>;
  return { ...obj, [key]: setAt(obj[key as string], rest, value) } as T;
}
