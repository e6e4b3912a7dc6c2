/**
 * The zip an export writes imports back to the same graph (it carries s6-designer.json), and a
 * zip of only its rootfs/ (no graph file) imports to a graph whose tree says the same thing.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { zipFiles } from '@/lib/export/zip'
import { exportFiles, redactSecrets } from '@/lib/generate/export-files'
import type { FileMap } from '@/lib/generate/file-map'
import type { ServiceGraph } from '@/lib/graph/types'
import { importFile } from '@/lib/import/import'
import { arbitraryGraph } from '../../fixtures/arbitrary-graph'
import { exampleGraphs } from '../../fixtures/graphs'
import { graphFacts } from './tree-facts'

/** The files under `<repoDir>/rootfs/`, re-rooted: the image root as a user would zip it. */
function rootfsOnly(files: FileMap, graph: ServiceGraph): FileMap {
  const prefix = `${graph.project.repoDir}/rootfs/`
  const out: FileMap = new Map()
  for (const [path, f] of files) if (path.startsWith(prefix)) out.set(path.slice(prefix.length), f)
  return out
}

async function expectSameGraph(graph: ServiceGraph): Promise<void> {
  const files = exportFiles(graph)
  const whole = await importFile('design.zip', await zipFiles(files))
  if (!whole.ok) throw new Error(whole.error)
  expect(whole.report.graphFile).toBe(`${graph.project.repoDir}/s6-designer.json`)
  expect(whole.graph).toEqual(redactSecrets(graph))
}

async function expectSameTree(graph: ServiceGraph): Promise<void> {
  const rootfs = rootfsOnly(exportFiles(graph), graph)
  expect([...rootfs.keys()].some((p) => p.endsWith('s6-designer.json'))).toBe(false)
  const read = await importFile('rootfs.zip', await zipFiles(rootfs))
  if (!read.ok) throw new Error(read.error)
  expect(read.report.graphFile).toBeUndefined()
  expect(read.report.rootfsDir).toBe('')
  expect(read.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
  expect(graphFacts(read.graph)).toEqual(graphFacts(graph))
}

describe('export zip -> importFile', () => {
  it.each(Object.entries(exampleGraphs()))('gives back the %s example', async (_, graph) => {
    await expectSameGraph(graph)
  })

  it.each(Object.entries(exampleGraphs()))(
    'reads the %s example from a zip of its rootfs alone',
    async (_, graph) => {
      await expectSameTree(graph)
    },
  )

  it('gives back 500 random graphs, from the whole export and from its rootfs', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryGraph(), async (graph) => {
        await expectSameGraph(graph)
        await expectSameTree(graph)
      }),
      { numRuns: 500 },
    )
  }, 240_000)
})
