/** The fields of `values` that differ from `before`; an emptied or cleared field is sent as null. */
export function changedFields<V extends object>(values: V, before: V): Partial<V> {
  const changes: Partial<V> = {};
  for (const key of Object.keys(values) as (keyof V)[]) {
    const now = values[key] === "" ? null : (values[key] ?? null);
    const was = before[key] === "" ? null : (before[key] ?? null);
    if (JSON.stringify(now) !== JSON.stringify(was)) changes[key] = now as V[keyof V];
  }
  return changes;
}

/** The keys of `changes` among `keys`: what an edit form may send to a PATCH. */
export function pick<T extends object, K extends keyof T>(changes: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (key in changes) out[key] = changes[key];
  return out;
}
