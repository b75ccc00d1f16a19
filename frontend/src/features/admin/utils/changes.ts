/** A form value as the API means it: an emptied input or a cleared select is null. */
function normal(value: unknown): unknown {
  return value === "" || value === undefined ? null : value;
}

/** Whether two form values mean the same to the API. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}

/** The fields of `values` that differ from `before`; an emptied or cleared field is sent as null. */
export function changedFields<V extends object>(values: V, before: Partial<V>): Partial<V> {
  const changes: Partial<V> = {};
  for (const key of Object.keys(values) as (keyof V)[]) {
    if (!sameValue(values[key], before[key])) changes[key] = normal(values[key]) as V[keyof V];
  }
  return changes;
}

/** The keys of `changes` among `keys`: what an edit form may send to a PATCH. */
export function pick<T extends object, K extends keyof T>(changes: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (key in changes) out[key] = changes[key];
  return out;
}
