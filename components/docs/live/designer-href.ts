import { useEffect, useState } from 'react'
import type { ServiceGraph } from '@/lib/graph/types'

/** The designer URL that opens a built-in example (a widget swaps in a share link once live). */
export function designerHref(example: string): string {
  return `/?example=${encodeURIComponent(example)}`
}

/**
 * The designer link for the graph shown: `?example=<id>` at first (and without JavaScript),
 * then the same URL with the graph itself in a share-link fragment, so the designer opens
 * exactly what the page shows.
 */
export function useDesignerLink(example: string, graph: ServiceGraph): string {
  const [href, setHref] = useState(() => designerHref(example))
  useEffect(() => {
    let live = true
    import('@/lib/share/codec')
      .then(({ shareUrl }) => shareUrl(designerHref(example), graph))
      .then((url) => {
        if (live) setHref(url)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [example, graph])
  return href
}
