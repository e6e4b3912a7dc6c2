import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exportFiles, redactSecrets } from '@/lib/generate/export-files'
import { sourceTreeFiles } from '@/lib/generate/source-tree'
import type { FileMap } from '@/lib/generate/file-map'
import { overlayRelease } from '@/lib/graph/overlay'
import { readTree } from '@/lib/graph/read-tree'
import { encodeText } from '@/lib/graph/tree-input'
import type { TreeInput } from '@/lib/graph/tree-input'
import { addService, createGraph, longrun, oneshot } from '@/lib/graph/service-graph'
import type { Service, ServiceGraph } from '@/lib/graph/types'
import { arbitraryGraph } from '../../fixtures/arbitrary-graph'
import { exampleGraphs } from '../../fixtures/graphs'

function treeOf(files: FileMap): TreeInput {
  const out: Record<string, Uint8Array> = {}
  const executables: string[] = []
  for (const [path, f] of files) {
    out[path] = encodeText(f.contents)
    if (f.executable) executables.push(path)
  }
  return { files: out, dirs: [], executables }
}

/** The fields an export writes into the tree (descriptions, estimates and ps labels stay in the graph file). */
function exported(s: Service, dependOnBase: boolean): Record<string, unknown> {
  if (s.type === 'bundle') return { type: s.type, contents: [...s.contents].sort() }
  const deps = [...new Set([...s.dependencies, ...(dependOnBase ? ['base'] : [])])].sort()
  const common = {
    type: s.type,
    deps,
    timeoutUp: s.timeoutUp,
    timeoutDown: s.timeoutDown,
    withContenv: s.withContenv,
  }
  if (s.type === 'oneshot') return { ...common, up: s.up, down: s.down }
  return {
    ...common,
    run: s.run,
    finish: s.finish,
    env: s.env.map((e) => `${e.name}=${e.value}`).sort(),
    readiness: s.readiness,
    timeoutKill: s.timeoutKill,
    timeoutFinish: s.timeoutFinish,
    producerFor: s.producerFor,
    consumerFor: s.consumerFor && [...s.consumerFor].sort(),
    pipelineName: s.pipelineName,
    lockFd: s.lockFd,
    downSignal: s.downSignal,
    maxDeathTally: s.maxDeathTally,
    extraFiles: s.extraFiles,
  }
}

function expectRoundTrip(graph: ServiceGraph) {
  const read = readTree(treeOf(sourceTreeFiles(graph)))
  expect(read.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
  const g = read.graph
  const layout = (v: string) => overlayRelease(v)?.userBundleLayout
  expect(layout(g.project.overlayVersion)).toBe(layout(graph.project.overlayVersion))
  const names = (x: ServiceGraph) =>
    Object.keys(x.services)
      .filter(
        (n) =>
          n !== 'user2' ||
          x.services.user2?.type !== 'bundle' ||
          x.services.user2.contents.length > 0,
      )
      .sort()
  expect(names(g)).toEqual(names(graph))
  for (const name of names(graph)) {
    const want = graph.services[name] as Service
    expect(exported(g.services[name] as Service, g.project.dependOnBase), name).toEqual(
      exported(want, graph.project.dependOnBase),
    )
  }
}

describe('export -> readTree round trip', () => {
  it.each(Object.entries(exampleGraphs()))('reads back the %s example', (_, graph) => {
    expectRoundTrip(graph)
  })

  it('reads back every exported field of a longrun and a oneshot', () => {
    let g = createGraph({ dependOnBase: false })
    g = addService(
      g,
      'web',
      longrun({
        run: { language: 'execline', body: 'cd /app\nexec ./server' },
        finish: { language: 'execline', body: 'echo $1' },
        withContenv: true,
        env: [
          { name: 'PORT', value: '8080' },
          { name: 'BANNER', value: 'two\nlines  ' },
        ],
        readiness: { notificationFd: 3, check: 'curl -fs http://127.0.0.1:8080/' },
        lockFd: 4,
        timeoutKill: 2000,
        timeoutFinish: 500,
        downSignal: 'SIGQUIT',
        maxDeathTally: 5,
        dependencies: ['init'],
        extraFiles: [{ path: 'data/hook', contents: '#!/bin/sh\necho hook\n', executable: true }],
      }),
    )
    g = addService(
      g,
      'init',
      oneshot({
        up: { language: 'sh', body: 'mkdir -p /run/app' },
        down: { language: 'sh', body: 'rm -rf /run/app' },
        withContenv: false,
        timeoutUp: 3000,
      }),
    )
    g = addService(
      g,
      'tick',
      oneshot({
        up: { language: 'execline', body: 'foreground { echo tick } true' },
        withContenv: true,
      }),
    )
    expectRoundTrip(g)
  })

  it('reads back bash scripts as bash, with and without with-contenv and env/', () => {
    let g = createGraph({ dependOnBase: false })
    g = addService(
      g,
      'app',
      longrun({
        run: { language: 'bash', body: 'set -euo pipefail\n[[ -d /app ]]\nexec ./server' },
        finish: { language: 'bash', body: 'echo "$1"' },
        env: [{ name: 'PORT', value: '8080' }],
        readiness: { notificationFd: 3, check: 'true' },
      }),
    )
    g = addService(
      g,
      'prep',
      oneshot({ up: { language: 'bash', body: 'shopt -s nullglob' }, withContenv: false }),
    )
    const files = sourceTreeFiles(g)
    const text = (p: string) => files.get(`docker/s6/rootfs/etc/s6-overlay/${p}`)?.contents ?? ''
    expect(text('s6-rc.d/app/run')).toMatch(/^#!\/command\/with-contenv bash\n/)
    expect(text('s6-rc.d/app/run')).toMatch(/ bash "\$0" "\$@"; fi/)
    expect(text('s6-rc.d/app/finish')).toMatch(/^#!\/command\/with-contenv bash\n/)
    expect(text('scripts/prep')).toMatch(/^#!\/bin\/bash\n/)
    expectRoundTrip(g)
  })

  it('reads back random graphs', () => {
    fc.assert(fc.property(arbitraryGraph(), expectRoundTrip), { numRuns: 150 })
  })

  it.each(Object.entries(exampleGraphs()))(
    'takes the %s example whole from the export s6-designer.json',
    (_, graph) => {
      const read = readTree(treeOf(exportFiles(graph)))
      expect(read.report.graphFile).toBe(`${graph.project.repoDir}/s6-designer.json`)
      expect(read.graph).toEqual(redactSecrets(graph))
      expect(read.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
    },
  )
})
