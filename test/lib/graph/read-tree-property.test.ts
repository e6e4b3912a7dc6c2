import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readTree } from '@/lib/graph/read-tree'
import type { Service } from '@/lib/graph/types'
import { randomTree, writeRandomTree } from '../../fixtures/random-tree'
import type { RandomService } from '../../fixtures/random-tree'

function refsOf(s: Service): string[] {
  return s.type === 'bundle' ? s.contents : s.dependencies
}

function expectSame(read: Service | undefined, want: RandomService, dependOnBase: boolean) {
  expect(read?.type).toBe(want.type)
  if (!read) return
  const refs = [...refsOf(read), ...(dependOnBase && read.type !== 'bundle' ? ['base'] : [])]
  expect(refs.sort()).toEqual([...want.refs].sort())
  if (read.type === 'bundle') return
  expect(read.timeoutUp).toBe(want.timeoutUp)
  if (read.type === 'longrun') {
    expect(read.run).toEqual({ language: 'sh', body: want.body })
    expect(read.withContenv).toBe(want.withContenv)
    expect(Object.fromEntries(read.env.map((e) => [e.name, e.value]))).toEqual(want.env)
    expect(read.producerFor).toBe(want.producerFor)
    expect(read.consumerFor).toEqual(want.consumerFor)
  } else if (want.script) {
    expect(read.up).toEqual({ language: 'sh', body: want.body })
    expect(read.withContenv).toBe(want.withContenv)
  } else {
    expect(read.up).toEqual({ language: 'execline', body: 'true' })
  }
}

describe('readTree on random valid trees', () => {
  it('reads every valid tree without errors and gives back its design', () => {
    fc.assert(
      fc.property(randomTree, (tree) => {
        const { graph, diagnostics } = readTree(writeRandomTree(tree))
        expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
        const atomics = tree.services.filter((s) => s.type !== 'bundle')
        expect(graph.project.dependOnBase).toBe(atomics.length === 0 || tree.allOnBase)
        expect(Object.keys(graph.services).sort()).toEqual(
          [...tree.services.map((s) => s.name), 'user'].sort(),
        )
        for (const s of tree.services)
          expectSame(graph.services[s.name], s, graph.project.dependOnBase)
        expect(graph.services.user).toEqual({
          type: 'bundle',
          contents: [...tree.userMembers].sort(),
        })
      }),
      { numRuns: 200 },
    )
  })
})
