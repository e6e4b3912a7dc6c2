import { describe, expect, it } from 'vitest'
import {
  exportFiles,
  exportProblems,
  exportResult,
  redactSecrets,
} from '@/lib/generate/export-files'
import { parseGraph } from '@/lib/graph/parse'
import type { ServiceGraph } from '@/lib/graph/types'
import { exampleGraphs, graphOf, longrun } from '../../fixtures/graphs'

const reference = exampleGraphs().reference as ServiceGraph

describe('exportFiles', () => {
  it('matches the snapshot of every file of the reference example', async () => {
    const files = exportFiles(reference)
    const modes: string[] = []
    for (const [path, file] of files) {
      modes.push(`${file.executable ? '0755' : '0644'} ${path}`)
      // `.txt` keeps formatters away from the snapshots (Dockerfile, JSON, Markdown…).
      await expect(file.contents).toMatchFileSnapshot(`__snapshots__/reference/${path}.txt`)
    }
    await expect(`${modes.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/reference/MODES.txt')
  })

  it('is sorted by path and deterministic', () => {
    const a = exportFiles(reference)
    const keys = [...a.keys()]
    expect(keys).toEqual([...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)))
    expect([...exportFiles(structuredClone(reference))]).toEqual([...a])
  })

  it('puts everything under the project folder', () => {
    for (const graph of Object.values(exampleGraphs())) {
      const files = exportFiles(graph)
      const dir = graph.project.repoDir
      for (const path of files.keys()) expect(path.startsWith(`${dir}/`), path).toBe(true)
      for (const name of [
        'Dockerfile',
        'build.sh',
        'README.md',
        's6-designer.json',
        '.gitattributes',
      ]) {
        expect(files.has(`${dir}/${name}`), name).toBe(true)
      }
      expect(files.get(`${dir}/.gitattributes`)?.contents).toBe('* text eol=lf\n')
    }
  })

  it('writes the graph as s6-designer.json, which parses back to the same design, secrets blanked', () => {
    const json = exportFiles(reference).get('docker/s6/s6-designer.json')?.contents as string
    const parsed = parseGraph(JSON.parse(json))
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(parsed.graph.services).toEqual(reference.services)
    const withSecret = graphOf(
      { a: longrun({ env: [{ name: 'K', value: 'service-secret', secret: true }] }) },
      { project: { env: [{ name: 'T', value: 'project-secret', secret: true }] } },
    )
    const out = exportFiles(withSecret).get('docker/s6/s6-designer.json')?.contents as string
    expect(out).not.toContain('service-secret')
    expect(out).not.toContain('project-secret')
    expect(redactSecrets(withSecret).project.env[0]?.value).toBe('')
  })

  it('reports no problems for the built-in examples', () => {
    for (const [name, graph] of Object.entries(exampleGraphs())) {
      expect(exportProblems(graph), name).toEqual([])
    }
  })

  it('never throws, whatever it is given', () => {
    const broken = [
      {} as ServiceGraph,
      { ...reference, services: { web: { type: 'longrun' } } } as unknown as ServiceGraph,
      { ...reference, project: { ...reference.project, repoDir: 42 } } as unknown as ServiceGraph,
      null as unknown as ServiceGraph,
    ]
    for (const g of broken) {
      expect(() => exportResult(g)).not.toThrow()
      expect(() => exportFiles(g)).not.toThrow()
      const r = exportResult(g)
      expect(r.files instanceof Map).toBe(true)
    }
    expect(exportProblems(null as unknown as ServiceGraph).map((p) => p.code)).toEqual([
      'export-failed',
    ])
  })

  it('leaves out a malformed service and keeps the rest', () => {
    const g = graphOf({
      ok: longrun(),
      bad: { type: 'longrun' } as unknown as ReturnType<typeof longrun>,
    })
    const r = exportResult(g)
    expect(r.files.has('docker/s6/rootfs/etc/s6-overlay/s6-rc.d/ok/run')).toBe(true)
    expect([...r.files.keys()].some((p) => p.includes('/s6-rc.d/bad/'))).toBe(false)
    expect(r.problems.map((p) => p.code)).toContain('export-service-failed')
    expect(r.files.has('docker/s6/Dockerfile')).toBe(true)
  })
})
