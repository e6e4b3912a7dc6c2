import type { RemovalSummary } from '@/lib/store/types'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * The notice after a deletion, for example "Removed web and 3 references". Undefined when
 * nothing was removed.
 */
export function describeRemoval(summary: RemovalSummary, edges: number): string | undefined {
  const { removed, references } = summary
  if (removed.length === 0) {
    return edges === 0 ? undefined : `Removed ${plural(edges, 'connection')}`
  }
  const what = removed.length === 1 ? removed[0] : plural(removed.length, 'service')
  return references.length === 0
    ? `Removed ${what}`
    : `Removed ${what} and ${plural(references.length, 'reference')}`
}
