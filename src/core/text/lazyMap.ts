/**
 * A read-only map computed on its first use. The engine's derived tables (each entry's kinds of
 * answer, the "does not say" notes' specific words) took ~70 ms of the English engine's build,
 * half of it reading the English word list for the notes' spelling correction: they are built by
 * `warmUp` once the server listens, or by the first question that arrives before it, not before
 * the process answers /healthz.
 */
export function lazyMap<K, V>(make: () => ReadonlyMap<K, V>): ReadonlyMap<K, V> {
  let made: ReadonlyMap<K, V> | undefined;
  const map = (): ReadonlyMap<K, V> => (made ??= make());
  return {
    get size() {
      return map().size;
    },
    get: (key) => map().get(key),
    has: (key) => map().has(key),
    forEach: (callback, thisArg?: unknown) => map().forEach(callback, thisArg),
    entries: () => map().entries(),
    keys: () => map().keys(),
    values: () => map().values(),
    [Symbol.iterator]: () => map()[Symbol.iterator](),
  };
}
