import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseGraph, serializeGraph } from '@/lib/graph/parse'
import { runCli } from './run-cli'
import { treeDir, VALID } from './tree-dir'

describe('s6-designer import', () => {
  it('writes the graph file and prints the report', async () => {
    const files = Object.fromEntries(
      Object.entries(VALID).filter(([p]) => !p.startsWith('web/dependencies.d')),
    )
    const dir = await treeDir({
      ...files,
      'web/dependencies': 'base\ninit\n',
      'web/notes.txt': 'x',
    })
    const r = await runCli(['import', dir, '--out', 'out/graph.json'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^ {2}ignored {4}web\/notes.txt {2}/m)
    expect(r.stdout).toMatch(/^ {2}converted {2}web\/dependencies {2}flat dependencies file/m)
    expect(r.stdout).toContain('Wrote out/graph.json.')
    const text = await readFile(join(dir, 'out/graph.json'), 'utf8')
    const parsed = parseGraph(JSON.parse(text))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(serializeGraph(parsed.graph)).toBe(text)
    expect(parsed.graph.project.dependOnBase).toBe(true)
    expect(parsed.graph.services.web).toMatchObject({
      type: 'longrun',
      dependencies: ['init'],
      timeoutKill: 3000,
    })
    expect(parsed.graph.project.name).toMatch(/^s6d-cli-/)
  })

  it('prints the graph on stdout and the report on stderr without --out', async () => {
    const dir = await treeDir(VALID)
    const r = await runCli(['import', dir, '--name', 'shop'])
    expect(r.code).toBe(0)
    const parsed = parseGraph(JSON.parse(r.stdout))
    expect(parsed.ok && parsed.graph.project.name).toBe('shop')
    expect(r.stderr).toMatch(/^0 errors, 0 warnings/m)
  })

  it('writes the graph anyway but exits 1 when the tree has errors', async () => {
    const dir = await treeDir({ ...VALID, 'web/type': 'longrun\r\n' })
    const r = await runCli(['import', dir, '--out', 'g.json'], dir)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/The graph was written, but the tree has an error/)
    const parsed = parseGraph(JSON.parse(await readFile(join(dir, 'g.json'), 'utf8')))
    expect(parsed.ok && parsed.graph.services.web?.type).toBe('longrun')
  })

  it('exits 2 on usage errors and on a graph file instead of a folder', async () => {
    expect((await runCli(['import'])).code).toBe(2)
    expect((await runCli(['import', '.', '--out'])).stderr).toMatch(/--out needs a value/)
    expect((await runCli(['import', 'content/examples/reference.json'])).code).toBe(2)
  })
})
