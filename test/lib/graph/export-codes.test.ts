import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIAGNOSTICS } from '@/lib/graph/diagnostics'
import { exportProblems } from '@/lib/generate/export-files'
import { createGraph, longrun } from '@/lib/graph/service-graph'
import { sources } from '../../fixtures/sources'

describe('export diagnostic codes', () => {
  it('has a catalogue entry (and so a docs page) for every code the exporter emits', () => {
    const emitted = new Set<string>()
    for (const file of sources(join(process.cwd(), 'lib/generate'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'(export-[a-z-]+)'/g)) emitted.add(m[1]!)
    }
    expect(emitted.size).toBeGreaterThan(10)
    const missing = [...emitted].filter((code) => !DIAGNOSTICS[code])
    expect(missing).toEqual([])
  })

  it('describes what the exporter reports for an unsafe name', () => {
    const graph = createGraph()
    graph.services['../evil'] = longrun()
    const problems = exportProblems(graph)
    const unsafe = problems.find((p) => p.code === 'export-unsafe-name')
    expect(unsafe).toBeDefined()
    expect(DIAGNOSTICS['export-unsafe-name']?.severity).toBe(unsafe?.severity)
  })
})
