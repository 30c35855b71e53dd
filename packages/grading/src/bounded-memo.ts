// The one eviction rule of grading's caches (reference computations, sample points, decisions,
// proofs, box verdicts): each is a Map kept to a capacity, the oldest entry first out, so a class
// of many distinct answers bounds the memory a grading thread keeps.

/** Sets `key` to `value` in `map`, first dropping its oldest entry if it holds `capacity`. */
export function rememberBounded<K, V>(map: Map<K, V>, key: K, value: V, capacity: number): void {
  if (map.size >= capacity && !map.has(key)) map.delete(map.keys().next().value as K);
  map.set(key, value);
}
