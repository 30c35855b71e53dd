export function zeros(n: number): Float64Array {
  return new Float64Array(n);
}
