import { builtinExamples, exampleById } from '@/lib/examples'
import type { ServiceGraph } from '@/lib/graph/types'

/**
 * The built-in example a docs widget names. A typo in an MDX page fails the build with this
 * message (the browser side never meets one: it gets the ids the build checked).
 */
export function exampleGraph(widget: string, id: string): ServiceGraph {
  const example = exampleById(id)
  if (!example) {
    const known = builtinExamples()
      .map((e) => `"${e.id}"`)
      .join(', ')
    throw new Error(`<${widget} example="${id}">: no built-in example has that id (${known}).`)
  }
  return example.graph
}
