import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { migrateGraph } from '@/lib/graph/migrate'
import { parseGraph, serializeGraph } from '@/lib/graph/parse'
import { printGraph } from '@/lib/graph/parse-serialize'
import { createGraph, defaultProject, longrun, oneshot } from '@/lib/graph/service-graph'
import type { ServiceGraph } from '@/lib/graph/types'
import { arbitraryGraph } from '../../fixtures/arbitrary-graph'

const EXAMPLES = fileURLToPath(new URL('../../../content/examples/', import.meta.url))
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as unknown] as const)

function errorOf(input: unknown): string {
  const r = parseGraph(input)
  if (r.ok) throw new Error('expected the input to be refused')
  return r.error
}

const withService = (service: unknown) => ({
  version: 1,
  services: { user: { type: 'bundle' }, web: service },
})

describe('parseGraph: shapes', () => {
  it.each([
    [
      { type: 'longrun', timeoutUp: '5s' },
      'services.web.timeoutUp: expected a number of milliseconds, got "5s"',
    ],
    [
      { type: 'longrun', timeoutKill: -1 },
      'services.web.timeoutKill: expected a number of milliseconds, got -1',
    ],
    [
      { type: 'daemon' },
      'services.web.type: expected "oneshot", "longrun" or "bundle", got "daemon"',
    ],
    [{}, 'services.web.type: expected "oneshot", "longrun" or "bundle", got nothing'],
    ['web', 'services.web: expected a service object, got "web"'],
    [
      { type: 'longrun', dependencies: 'db' },
      'services.web.dependencies: expected a list, got "db"',
    ],
    [
      { type: 'longrun', dependencies: ['db', 3] },
      'services.web.dependencies.1: expected a service name, got 3',
    ],
    [
      { type: 'longrun', run: { language: 'zsh', body: '' } },
      'services.web.run.language: expected "sh", "bash" or "execline", got "zsh"',
    ],
    [
      { type: 'longrun', run: 'exec web' },
      'services.web.run: expected a script ({ language, body }), got "exec web"',
    ],
    [
      { type: 'longrun', withContenv: 'yes' },
      'services.web.withContenv: expected true or false, got "yes"',
    ],
    [
      { type: 'longrun', env: [{ name: 'A', value: 1 }] },
      'services.web.env.0.value: expected a string, got 1',
    ],
    [
      { type: 'longrun', readiness: { notificationFd: 'three' } },
      'services.web.readiness.notificationFd: expected a file descriptor number, got "three"',
    ],
    [
      { type: 'longrun', extraFiles: [{ path: '../etc/passwd', contents: '' }] },
      'services.web.extraFiles.0.path: expected a relative path inside the service folder, got "../etc/passwd"',
    ],
    [
      { type: 'bundle', contents: [null] },
      'services.web.contents.0: expected a service name, got null',
    ],
  ])('refuses %j with a message naming the field', (service, message) => {
    expect(errorOf(withService(service))).toBe(message)
  })

  it('refuses wrong project fields and layouts', () => {
    expect(errorOf({ version: 1, project: { ports: [0] } })).toBe(
      'project.ports.0: expected a port number (1 to 65535), got 0',
    )
    expect(errorOf({ version: 1, project: { packageManager: 'yum' } })).toMatch(
      /^project.packageManager: expected "auto", /,
    )
    expect(errorOf({ version: 1, project: { s6Env: { S6_VERBOSITY: 2 } } })).toBe(
      'project.s6Env.S6_VERBOSITY: expected a string, got 2',
    )
    expect(
      errorOf({
        version: 1,
        services: { user: { type: 'bundle' } },
        layout: { user: { x: 'a', y: 1 } },
      }),
    ).toBe('layout.user.x: expected a number, got "a"')
    expect(errorOf({ version: 1, services: [] })).toBe(
      'services: expected an object of services, got an array',
    )
    expect(errorOf({ version: 1, services: { user: { type: 'longrun' } } })).toMatch(
      /^services.user: expected a bundle/,
    )
    expect(errorOf(null)).toMatch(/expected a graph object/)
    expect(errorOf({ hello: 'world' })).toMatch(/not an s6 Designer graph \(it has no version/)
    expect(errorOf('{ not json')).toMatch(/^not JSON/)
  })

  it('fills defaults for missing fields', () => {
    const r = parseGraph({ services: { web: { type: 'longrun' }, init: { type: 'oneshot' } } })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.graph.project).toEqual(defaultProject())
    expect(r.graph.services.web).toEqual(longrun())
    expect(r.graph.services.init).toEqual(oneshot())
    expect(r.graph.services.user).toEqual({ type: 'bundle', contents: [] })
    expect(r.graph.layout).toEqual({})
    expect(r.notes).toContain('version: missing, read as version 1')
    expect(r.notes).toContain(
      'services.user: missing, added (the bundle s6-overlay starts at boot)',
    )
  })

  it('drops unknown fields and stray positions with a note', () => {
    const r = parseGraph({
      version: 1,
      extra: 1,
      services: { web: { type: 'bundle', colour: 'red' } },
      layout: { gone: { x: 0, y: 0 } },
    })
    expect(r.ok && r.notes).toEqual(
      expect.arrayContaining([
        'extra: unknown field, dropped',
        'services.web.colour: unknown field, dropped',
        'layout.gone: no such service, position dropped',
      ]),
    )
    expect(r.ok && r.graph.services.web).toEqual({ type: 'bundle', contents: [] })
  })

  it('reads JSON text as well as objects', () => {
    const r = parseGraph(serializeGraph(createGraph({ name: 'text' })))
    expect(r.ok && r.graph.project.name).toBe('text')
  })

  it('does not let a service named __proto__ change the prototype', () => {
    const r = parseGraph(JSON.parse('{"version":1,"services":{"__proto__":{"type":"bundle"}}}'))
    expect(r.ok).toBe(true)
    if (r.ok) expect(Object.getPrototypeOf(r.graph.services)).toBe(Object.prototype)
  })
})

describe('parseGraph: sizes and hostile input', () => {
  it('refuses more than 5,000 services', () => {
    const services: Record<string, unknown> = {}
    for (let i = 0; i <= 5000; i++) services[`s${i}`] = { type: 'bundle' }
    expect(errorOf({ version: 1, services })).toMatch(/at most 5,000/)
  })

  it('refuses a string over 100 KB and a graph over 5 MB', () => {
    expect(errorOf(withService({ type: 'longrun', description: 'x'.repeat(100 * 1024 + 1) }))).toBe(
      'services.web.description: text longer than 100 KB',
    )
    const services: Record<string, unknown> = {}
    for (let i = 0; i < 60; i++)
      services[`s${i}`] = { type: 'bundle', description: 'x'.repeat(100 * 1024) }
    expect(errorOf({ version: 1, services })).toBe('the graph is larger than 5 MB')
    expect(errorOf('x'.repeat(5 * 1024 * 1024 + 1))).toBe('the graph is larger than 5 MB')
  })

  it('refuses cyclic objects and survives getters that throw', () => {
    const cyclic: Record<string, unknown> = { version: 1 }
    cyclic.services = { loop: cyclic }
    expect(errorOf(cyclic)).toMatch(/contains itself/)
    const hostile = {
      version: 1,
      get services(): never {
        throw new Error('boom')
      },
    }
    expect(errorOf(hostile)).toMatch(/could not read the graph/)
  })

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withObjectString: true,
          withNullPrototype: true,
          withMap: true,
          withSet: true,
        }),
        (value) => {
          const r = parseGraph(value)
          expect(typeof r.ok).toBe('boolean')
        },
      ),
      { numRuns: 300 },
    )
    fc.assert(
      fc.property(
        fc.record({
          version: fc.anything(),
          project: fc.anything(),
          services: fc.dictionary(fc.string(), fc.anything()),
        }),
        (value) => {
          const r = parseGraph(value)
          if (r.ok) expect(r.graph.services.user?.type).toBe('bundle')
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('parseGraph: versions', () => {
  it('refuses a graph from a newer s6 Designer', () => {
    expect(errorOf({ version: 2, services: {} })).toMatch(/made by a newer s6 Designer/)
    expect(errorOf({ version: 'one' })).toBe('version: expected a whole number from 1, got "one"')
  })

  it('runs the migration chain step by step', () => {
    const chain = {
      1: (g: Record<string, unknown>) => ({ ...g, renamed: g.old }),
      2: (g: Record<string, unknown>) => ({ ...g, seen: true }),
    }
    const r = migrateGraph({ version: 1, old: 'x' }, chain, 3)
    expect(r).toEqual({
      ok: true,
      graph: { version: 3, old: 'x', renamed: 'x', seen: true },
      notes: ['migrated from format version 1 to 2', 'migrated from format version 2 to 3'],
    })
    expect(migrateGraph({ version: 1 }, {}, 2)).toEqual({
      ok: false,
      error: 'version: no migration from format version 1',
    })
    const broken = migrateGraph(
      { version: 1 },
      {
        1: () => {
          throw new Error('bad data')
        },
      },
      2,
    )
    expect(broken).toEqual({
      ok: false,
      error: 'version: migrating from format version 1 failed (bad data)',
    })
  })
})

describe('parseGraph and serializeGraph on the examples', () => {
  it.each(examples)('%s parses to itself without notes', (_, example) => {
    const r = parseGraph(example)
    expect(r).toEqual({ ok: true, graph: example, notes: [] })
  })

  it.each(examples)('%s serializes stably', (_, example) => {
    const r = parseGraph(example)
    if (!r.ok) throw new Error(r.error)
    const text = serializeGraph(r.graph)
    expect(text.endsWith('}\n')).toBe(true)
    expect(JSON.parse(text)).toEqual(example)
    const again = parseGraph(JSON.parse(text))
    expect(again.ok && serializeGraph(again.graph)).toBe(text)
  })
})

describe('serializeGraph', () => {
  it('writes keys in a fixed order, services and layout sorted by name', () => {
    const g: ServiceGraph = createGraph()
    g.services.zeta = longrun({ timeoutUp: 5, description: 'z' })
    g.services['10'] = oneshot()
    g.services['9'] = oneshot()
    g.layout.zeta = { y: 2, x: 1 }
    g.layout['9'] = { x: 0, y: 0 }
    const text = serializeGraph(g)
    const keys = (json: string) => [...json.matchAll(/^ {4}"([^"]+)": \{/gm)].map((m) => m[1])
    expect(keys(text.slice(text.indexOf('"services"'), text.indexOf('"layout"')))).toEqual([
      '10',
      '9',
      'user',
      'zeta',
    ])
    expect(text).toContain(
      '"zeta": {\n      "type": "longrun",\n      "description": "z",\n      "run": {',
    )
    expect(text).toContain('"zeta": {\n      "x": 1,\n      "y": 2\n    }')
    expect(text.split('\n')[1]).toBe('  "version": 1,')
    const shuffled = JSON.parse(text) as ServiceGraph
    const reordered = {
      layout: shuffled.layout,
      services: shuffled.services,
      project: shuffled.project,
      version: shuffled.version,
    }
    expect(serializeGraph(reordered as ServiceGraph)).toBe(text)
  })

  /** A deep copy whose objects list their keys in a random order (arrays keep theirs). */
  function shuffled(value: unknown, random: () => number): unknown {
    if (Array.isArray(value)) return value.map((v) => shuffled(v, random))
    if (typeof value !== 'object' || value === null) return value
    const keys = Object.keys(value)
    for (let i = keys.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[keys[i], keys[j]] = [keys[j] as string, keys[i] as string]
    }
    const out: Record<string, unknown> = {}
    for (const k of keys) out[k] = shuffled((value as Record<string, unknown>)[k], random)
    return out
  }

  it('writes the same text as the piece-by-piece printer, whatever order the keys come in', () => {
    fc.assert(
      fc.property(arbitraryGraph(), fc.integer(), (graph, seed) => {
        const text = serializeGraph(graph)
        expect(text).toBe(printGraph(graph))
        let state = seed >>> 0
        const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32
        const again = shuffled(graph, random)
        expect(serializeGraph(again as ServiceGraph)).toBe(text)
      }),
      { numRuns: 150 },
    )
  })

  it('keeps keys that plain objects treat specially, and writes values JSON has no form for as null', () => {
    const g = createGraph() as ServiceGraph & { extra?: unknown }
    // JSON.parse makes `__proto__` an own key, as a graph file read from disk would have it.
    const web = JSON.parse(
      '{"type":"longrun","__proto__":{"a":1},"constructor":"c","toJSON":"t","hasOwnProperty":2}',
    ) as ServiceGraph['services'][string]
    g.services['web-\u00e9\u{1F680}'] = web
    g.services.api = longrun({ description: 'lone \ud800 surrogate', timeoutUp: undefined })
    g.extra = [undefined, () => 1, Symbol('s'), { f: () => 1, u: undefined }]
    const text = serializeGraph(g)
    expect(text).toBe(printGraph(g))
    expect(text).toContain('"__proto__": {\n        "a": 1\n      }')
    expect(text).toContain('"toJSON": "t"')
    expect(text).toContain(
      '"extra": [\n    null,\n    null,\n    null,\n    {\n      "f": null\n    }\n  ]',
    )
    expect(text).toContain('lone \\ud800 surrogate')
    expect(text).not.toContain('timeoutUp')
    const back = JSON.parse(text) as { services: Record<string, Record<string, unknown>> }
    expect(Object.keys(back.services['web-\u00e9\u{1F680}'] ?? {})).toContain('__proto__')
  })
})
