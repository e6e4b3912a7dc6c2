import { serializeGraph } from '@/lib/graph/parse'
import type { ServiceGraph } from '@/lib/graph/types'

/** `My Shop!` -> `my-shop.s6graph.json`: the name the graph file is saved under. */
export function graphFileName(projectName: string): string {
  const base = projectName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 64)
  return `${base || 'design'}.s6graph.json`
}

/** Saves the graph as its JSON file (the format the CLI, the examples and Import read). */
export function downloadGraphJson(graph: ServiceGraph): void {
  const blob = new Blob([serializeGraph(graph)], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = graphFileName(graph.project.name)
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
