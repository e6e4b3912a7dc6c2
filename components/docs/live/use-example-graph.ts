'use client'

import { useEffect, useState } from 'react'
import { parseGraph } from '@/lib/graph/parse'
import type { ServiceGraph } from '@/lib/graph/types'

export type ExampleState =
  | { status: 'loading' }
  | { status: 'ready'; graph: ServiceGraph }
  | { status: 'error'; message: string }

/**
 * Loads a built-in example (content/examples/<id>.json) in its own chunk and parses it the way
 * the designer does, so a docs widget never shows a graph the designer would refuse.
 */
export function useExampleGraph(id: string): ExampleState {
  const [state, setState] = useState<ExampleState>({ status: 'loading' })
  useEffect(() => {
    let live = true
    import(`@/content/examples/${id}.json`)
      .then((mod: { default: unknown }) => {
        const parsed = parseGraph(mod.default)
        if (!live) return
        setState(
          parsed.ok
            ? { status: 'ready', graph: parsed.graph }
            : { status: 'error', message: parsed.error },
        )
      })
      .catch(() => {
        if (live) setState({ status: 'error', message: `There is no example called "${id}".` })
      })
    return () => {
      live = false
    }
  }, [id])
  return state
}
