/** Index of the last item whose key is at or before `pos` in items sorted by key, or -1. Binary search. */
export function lastAtOrBefore<T>(items: readonly T[], pos: number, key: (item: T) => number): number {
  let lo = 0
  let hi = items.length - 1
  let at = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (key(items[mid]!) <= pos) {
      at = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return at
}
