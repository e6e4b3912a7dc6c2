/**
 * Export, then read the export back with readTree: the design comes back for every built-in
 * example and for random valid graphs, and validates without errors. Two ways: the whole export
 * (readTree then uses s6-designer.json), and the s6-rc tree alone (the graph rebuilt from the
 * files, so every field the tree holds must survive; the `# s6-designer` marker convention is
 * what lets the importer drop the lines the exporter adds).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exportFiles, redactSecrets } from '@/lib/generate/export-files'
import { directoriesOf } from '@/lib/generate/file-map'
import type { FileMap } from '@/lib/generate/file-map'
import { overlayRelease } from '@/lib/graph/overlay'
import { readTree } from '@/lib/graph/read-tree'
import { textTree } from '@/lib/graph/tree-input'
import type { TreeInput } from '@/lib/graph/tree-input'
import type { Script, Service, ServiceGraph } from '@/lib/graph/types'
import { validate } from '@/lib/graph/validate'
import { arbitraryGraph } from '../../fixtures/arbitrary-graph'
import { exampleGraphs, graphOf, longrun, oneshot } from '../../fixtures/graphs'
import { featureGraph } from '../../s6/graphs'

function treeInput(files: FileMap, keep: (path: string) => boolean = () => true): TreeInput {
  const enc = new TextEncoder()
  const chosen = [...files].filter(([p]) => keep(p))
  return {
    files: Object.fromEntries(chosen.map(([p, f]) => [p, enc.encode(f.contents)])),
    dirs: directoriesOf(chosen.map(([p]) => p)),
    executables: chosen.filter(([, f]) => f.executable).map(([p]) => p),
  }
}

const script = (s: Script | undefined) =>
  s && { language: s.language, body: s.body.replace(/\r\n?/g, '\n').replace(/\n+$/, '') }
const sorted = (list: readonly string[] | undefined) => [...new Set(list ?? [])].sort()
const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

/** What an s6-rc tree can hold of a service (descriptions, estimates, process names cannot). */
function treeView(service: Service, dependOnBase: boolean): Record<string, unknown> {
  if (service.type === 'bundle')
    return defined({
      type: 'bundle',
      contents: sorted(service.contents),
      essential: service.essential || undefined,
    })
  const deps = sorted([...service.dependencies, ...(dependOnBase ? ['base'] : [])])
  const common = {
    type: service.type,
    dependencies: deps,
    timeoutUp: service.timeoutUp,
    timeoutDown: service.timeoutDown,
    withContenv: service.withContenv,
    essential: service.essential || undefined,
  }
  if (service.type === 'oneshot')
    return defined({ ...common, up: script(service.up), down: script(service.down) })
  const check = service.readiness?.check?.replace(/\n+$/, '')
  return defined({
    ...common,
    run: script(service.run),
    finish: script(service.finish),
    env: service.env
      .filter((v) => !v.secret)
      .map((v) => ({ name: v.name, value: v.value }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
    readiness:
      service.readiness &&
      defined({ notificationFd: service.readiness.notificationFd, check: check || undefined }),
    lockFd: service.lockFd,
    timeoutKill: service.timeoutKill,
    timeoutFinish: service.timeoutFinish,
    downSignal: service.downSignal,
    maxDeathTally: service.maxDeathTally,
    producerFor: service.producerFor,
    consumerFor: service.consumerFor && sorted(service.consumerFor),
    pipelineName: service.pipelineName,
    extraFiles: service.extraFiles?.length
      ? [...service.extraFiles]
          .sort((a, b) => (a.path < b.path ? -1 : 1))
          .map((f) =>
            defined({ path: f.path, contents: f.contents, executable: f.executable || undefined }),
          )
      : undefined,
  })
}

function treeViewOf(graph: ServiceGraph): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const name of Object.keys(graph.services).sort()) {
    const s = graph.services[name] as Service
    if (name === 'user2' && s.type === 'bundle' && s.contents.length === 0) continue
    out[name] = treeView(s, graph.project.dependOnBase)
  }
  return out
}

function checkRoundTrip(graph: ServiceGraph): void {
  const files = exportFiles(graph)
  // The whole export: the graph file is there, so the design comes back as written.
  const whole = readTree(treeInput(files))
  expect(whole.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  expect(whole.graph.services).toEqual(redactSecrets(graph).services)
  expect(validate(whole.graph).filter((d) => d.severity === 'error')).toEqual([])
  // The tree alone: rebuilt from the files.
  const tree = readTree(treeInput(files, (p) => !p.endsWith('s6-designer.json')))
  expect(tree.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  expect(treeViewOf(tree.graph)).toEqual(treeViewOf(graph))
  const user = graph.services.user
  if (user?.type === 'bundle' && user.contents.length > 0) {
    // The folder the user bundle's members are in tells the release family.
    expect(overlayRelease(tree.graph.project.overlayVersion)?.userBundleLayout).toBe(
      overlayRelease(graph.project.overlayVersion)?.userBundleLayout,
    )
  }
  expect(validate(tree.graph).filter((d) => d.severity === 'error')).toEqual([])
}

describe('export -> readTree round trip', () => {
  for (const [name, graph] of Object.entries(exampleGraphs())) {
    it(`gives back the ${name} example`, () => checkRoundTrip(graph))
  }

  it('gives back the feature graph (every exporter feature)', () => checkRoundTrip(featureGraph()))

  it('gives back env values exactly: quotes, $, backslashes, newlines, blanks, non-ASCII', () => {
    const values = [
      'a "b" \'c\'',
      '$HOME `id` \\n',
      'two\nlines',
      'final newline\n',
      'blanks  \t',
      '  lead',
      'é 日本',
      '',
    ]
    checkRoundTrip(
      graphOf({
        svc: longrun({ env: values.map((value, i) => ({ name: `V${i}`, value })) }),
      }),
    )
  })

  it('gives back 200 random valid graphs', () => {
    fc.assert(
      fc.property(arbitraryGraph(), (graph) => {
        checkRoundTrip(graph)
      }),
      { numRuns: 200, seed: 6 },
    )
  })
})

describe('a bare s6-rc.d whose up lines call scripts it does not hold', () => {
  it('exports the same up lines and no scripts at those paths, and validation says why', async () => {
    const { readTreeInput } = await import('@/cli/fs')
    const input = await readTreeInput('../shared/s6/cases/ok-reference/s6-rc.d')
    const read = readTree(input)
    const up = read.graph.services['config-check']
    expect(up?.type === 'oneshot' && up.up.body).toBe('/etc/s6-overlay/scripts/config-check')
    const files = exportFiles(read.graph)
    const line = (name: string) =>
      [...files].find(([p]) => p.endsWith(`/s6-rc.d/${name}/up`))?.[1].contents
    expect(line('config-check')).toBe('/etc/s6-overlay/scripts/config-check\n')
    // No script of its own at that path, which would call itself and replace the image's.
    expect([...files.keys()].filter((p) => p.endsWith('/scripts/config-check'))).toEqual([])
    const warned = validate(read.graph).filter((d) => d.code === 'script-outside-export')
    expect(warned.map((d) => d.service).sort()).toEqual(['config-check', 'redis-ready'])
  })

  it('does not warn about a call of a script another oneshot of the design writes', () => {
    const graph = graphOf({
      setup: oneshot({ up: { language: 'sh', body: 'mkdir -p /run/app' } }),
      again: oneshot({ up: { language: 'execline', body: '/etc/s6-overlay/scripts/setup' } }),
      self: oneshot({ up: { language: 'execline', body: '/etc/s6-overlay/scripts/self' } }),
    })
    const warned = validate(graph).filter((d) => d.code === 'script-outside-export')
    expect(warned.map((d) => d.service)).toEqual(['self'])
    const files = exportFiles(graph)
    expect([...files.keys()].filter((p) => /\/scripts\/(setup|again|self)$/.test(p))).toEqual([
      expect.stringMatching(/\/scripts\/setup$/),
    ])
  })
})

describe('helpers under /etc/s6-overlay/scripts called from longer scripts', () => {
  it('warns when a step or a run calls a helper the export does not write, and not otherwise', () => {
    const graph = graphOf({
      setup: oneshot({ up: { language: 'sh', body: 'mkdir -p /run/app' } }),
      prep: oneshot({
        up: {
          language: 'execline',
          body: 'with-contenv foreground { mkdir -p /data } /etc/s6-overlay/scripts/prep.sh',
        },
      }),
      web: longrun({
        run: {
          language: 'sh',
          body: '/etc/s6-overlay/scripts/setup\n/etc/s6-overlay/scripts/wait-db.sh db\nexec web',
        },
      }),
    })
    const warned = validate(graph).filter((d) => d.code === 'script-outside-export')
    expect(warned.map((d) => [d.service, d.field, d.severity])).toEqual([
      ['prep', 'up.body', 'warning'],
      ['web', 'run.body', 'warning'],
    ])
    expect(warned[0]?.message).toBe(
      "prep's up calls /etc/s6-overlay/scripts/prep.sh, which this design does not contain: your image must provide it (mode 0755).",
    )
    expect(warned[1]?.message).toMatch(/^web's run calls \/etc\/s6-overlay\/scripts\/wait-db\.sh,/)
  })

  it('says in the import report which script calls a helper it leaves out', () => {
    const read = readTree(
      textTree({
        'etc/s6-overlay/s6-rc.d/user/type': 'bundle\n',
        'etc/s6-overlay/s6-rc.d/user/contents.d/prep': '',
        'etc/s6-overlay/s6-rc.d/prep/type': 'oneshot\n',
        'etc/s6-overlay/s6-rc.d/prep/up':
          'with-contenv foreground { mkdir -p /data } /etc/s6-overlay/scripts/prep.sh\n',
        'etc/s6-overlay/scripts/prep.sh': '#!/bin/sh\nchown app /data\n',
        'etc/s6-overlay/scripts/unused.sh': '#!/bin/sh\ntrue\n',
      }),
    )
    const note = (p: string) => read.report.entries.find((e) => e.path === p)?.note
    expect(note('etc/s6-overlay/scripts/prep.sh')).toMatch(
      /^called by prep's up as a helper, not as a whole up or down step/,
    )
    expect(note('etc/s6-overlay/scripts/unused.sh')).toMatch(/^not called by any script/)
  })
})

describe('the project settings of an export', () => {
  it('come back from s6-designer.json, and a bare tree says they are the defaults', () => {
    const graph = exampleGraphs().reference!
    const files = exportFiles(graph)
    expect(readTree(treeInput(files)).report.projectDefaults).toBeUndefined()
    const bare = readTree(treeInput(files, (p) => !p.endsWith('s6-designer.json')))
    expect(bare.report.projectDefaults).toBe(true)
  })
})
