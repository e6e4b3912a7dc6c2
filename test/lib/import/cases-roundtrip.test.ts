/**
 * Every s6-rc-compile case the real compiler accepted imports, and exporting the import again
 * gives a tree that says the same thing: same services, types, dependencies, bundle contents
 * and pipeline links.
 *
 * Compared two ways:
 * - the files themselves (`treeFacts`: the case's s6-rc.d against the re-export's s6-rc.d and
 *   user-bundles.d). `base` needs no allowance: readTree folds it into `dependOnBase` only when
 *   every oneshot and longrun lists it, and the export then writes it to every one of them;
 *   otherwise it stays in the lists that had it. What does differ is normalised in treeFacts:
 *   s6-overlay ships `user` and `user2` (the export writes only their members, in the target
 *   release's location, and nothing for an empty one), flat `dependencies` files come back as
 *   dependencies.d/, and dot-entries such as contents.d/.empty are skipped as s6-rc skips them.
 * - the graphs: the re-export read back with readTree (its s6-designer.json left out, so the
 *   tree is what is read) against the imported graph (`graphFacts`, with base made explicit
 *   where `dependOnBase` asks for it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readTreeInput } from '@/cli/fs'
import { exportFiles } from '@/lib/generate/export-files'
import { readTree } from '@/lib/graph/read-tree'
import { importTree } from '@/lib/import/import'
import { graphFacts, treeFacts, treeOfExport } from './tree-facts'

const CASES = resolve(fileURLToPath(new URL('../../..', import.meta.url)), '../shared/s6/cases')
if (!existsSync(join(CASES, 'index.json')))
  throw new Error(`The s6-rc-compile cases are missing: expected them in ${CASES}.`)

const compiling = readdirSync(CASES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .filter(
    (name) =>
      (
        JSON.parse(readFileSync(join(CASES, name, 'expected.json'), 'utf8')) as {
          compiles: boolean
        }
      ).compiles,
  )
  .sort()

it('finds the compiling cases', () => {
  expect(compiling.length).toBeGreaterThanOrEqual(10)
})

describe.each(compiling)('case %s', (name) => {
  it('imports, and re-exports to a tree with the same services, types, dependencies and contents', async () => {
    const input = await readTreeInput(join(CASES, name))
    const imported = importTree(input)
    if (!imported.ok) throw new Error(imported.error)
    expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const reexport = treeOfExport(exportFiles(imported.graph))
    const original = treeFacts(input)
    expect(original.size).toBeGreaterThan(1)
    expect(treeFacts(reexport)).toEqual(original)
    const reread = readTree(reexport)
    expect(reread.report.graphFile).toBeUndefined()
    expect(graphFacts(reread.graph)).toEqual(graphFacts(imported.graph))
  })
})
