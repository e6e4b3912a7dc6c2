import type { KeyboardEvent } from 'react'

/**
 * The keys of the tabs pattern for a tablist: arrow keys move to the next or previous tab
 * (wrapping), Home and End to the first and last; the new tab is selected and focused. Tabs
 * have the ids `${idPrefix}${id}`; give the selected one tabIndex 0 and the others -1.
 */
export function tabKeys<T extends string>(
  ids: readonly T[],
  current: T,
  select: (id: T) => void,
  idPrefix: string,
): (e: KeyboardEvent) => void {
  return (e) => {
    const i = Math.max(ids.indexOf(current), 0)
    const to: Record<string, number> = {
      ArrowRight: (i + 1) % ids.length,
      ArrowLeft: (i - 1 + ids.length) % ids.length,
      Home: 0,
      End: ids.length - 1,
    }
    const next = ids[to[e.key] ?? -1]
    if (next === undefined) return
    e.preventDefault()
    select(next)
    document.getElementById(`${idPrefix}${next}`)?.focus()
  }
}
