/**
 * What the export would leave out or replace is an error of validation too, so that lint, the
 * designer's problem count and `export` agree: a design validation passes exports without an
 * error of its own (found by an export review: a health check URL with a blank, a container
 * variable named MY-VAR, a down signal of "SIG TERM" or an S6 setting named with a blank were
 * "error"s of the export only, which wrote the zip without them and exited 0).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exportResult } from '@/lib/generate/export-files'
import { parseGraph } from '@/lib/graph/parse'
import type { Longrun, ProjectSettings, ServiceGraph } from '@/lib/graph/types'
import { validate } from '@/lib/graph/validate'
import { exampleGraphs } from '../../fixtures/graphs'

/** A health check of web, as the designer's switch makes it. */
const CHECK = { services: ['web'], intervalS: 30, timeoutS: 5, startPeriodS: 10, retries: 3 }

const reference = (): ServiceGraph => structuredClone(exampleGraphs().reference!)

function withProject(patch: Partial<ProjectSettings>): ServiceGraph {
  const g = reference()
  return { ...g, project: { ...g.project, ...patch } }
}

function withWeb(patch: Partial<Longrun>): ServiceGraph {
  const g = reference()
  const web = g.services.web as Longrun
  return { ...g, services: { ...g.services, web: { ...web, ...patch } } }
}

const errorsOf = (g: ServiceGraph) =>
  validate(g)
    .filter((d) => d.severity === 'error')
    .map((d) => d.code)

const exportErrorsOf = (g: ServiceGraph) =>
  exportResult(g)
    .problems.filter((d) => d.severity === 'error')
    .map((d) => d.code)

describe('validation reports what the export would leave out', () => {
  const cases: [string, ServiceGraph, string][] = [
    [
      'a health check URL with a blank',
      withProject({ healthcheck: { ...CHECK, url: 'http://127.0.0.1:3000/ x' } }),
      'export-healthcheck-url',
    ],
    [
      'a health check URL with a line break',
      withProject({ healthcheck: { ...CHECK, url: 'http://127.0.0.1/\nid' } }),
      'export-healthcheck-url',
    ],
    [
      'a container variable a Dockerfile ENV cannot set',
      withProject({ env: [{ name: 'MY-VAR', value: '1' }] }),
      'export-env-name',
    ],
    [
      'an S6 setting named with a blank',
      withProject({ s6Env: { 'S6_VERBOSITY 2': '1' } }),
      's6-setting-invalid',
    ],
    [
      'an S6 setting with a line break in its value',
      withProject({ s6Env: { S6_VERBOSITY: '1\n2' } }),
      's6-setting-invalid',
    ],
    [
      'a project folder with a "$" (Docker expands it in COPY)',
      withProject({ repoDir: 'ops/$S6_OVERLAY_VERSION' }),
      'export-unsafe-path',
    ],
    ['a down signal that is no word', withWeb({ downSignal: 'SIG TERM' }), 'export-invalid-signal'],
    [
      'a NUL byte in a run script',
      withWeb({ run: { language: 'sh', body: 'exec puma\u0000' } }),
      'nul-byte',
    ],
    [
      "a NUL byte in a service variable's value",
      withWeb({ env: [{ name: 'MODE', value: 'a\u0000b' }] }),
      'nul-byte',
    ],
    [
      "a NUL byte in a container variable's value",
      withProject({ env: [{ name: 'MODE', value: 'a\u0000b' }] }),
      'nul-byte',
    ],
  ]
  for (const [what, graph, code] of cases) {
    it(`reports ${what} as ${code}`, () => {
      expect(errorsOf(graph)).toContain(code)
    })
  }

  it('keeps a service variable named MY-VAR a warning (s6-envdir writes it; sh cannot read it)', () => {
    const found = validate(withWeb({ env: [{ name: 'MY-VAR', value: '1' }] }))
    expect(found.find((d) => d.field === 'env.0.name')).toMatchObject({
      code: 'env-name-unusual',
      severity: 'warning',
    })
  })

  it('keeps a down signal s6 does not know (but the export writes) a warning', () => {
    const found = validate(withWeb({ downSignal: 'SIGFOO' }))
    expect(found.find((d) => d.field === 'downSignal')).toMatchObject({
      code: 'down-signal-unknown',
      severity: 'warning',
    })
  })

  it('keeps an s6-overlay version it does not support, and reports it', () => {
    const g = reference()
    const read = parseGraph({ ...g, project: { ...g.project, overlayVersion: '9.9.9.9' } })
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.graph.project.overlayVersion).toBe('9.9.9.9')
    expect(errorsOf(read.graph)).toContain('overlay-version')
  })

  it('never lets the export report an error in a design validation passes (random text in the fields the export checks)', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'Z', '_', '-', ' ', '\n', '\0', '$', '=', '1', ':', '/'),
      maxLength: 8,
    })
    fc.assert(
      fc.property(text, text, text, text, text, (envName, envValue, s6Key, signal, url) => {
        const g = reference()
        const web = g.services.web as Longrun
        const graph: ServiceGraph = {
          ...g,
          project: {
            ...g.project,
            env: [{ name: envName, value: envValue }],
            s6Env: { [s6Key]: envValue },
            healthcheck: { ...CHECK, url },
          },
          services: {
            ...g.services,
            web: { ...web, downSignal: signal, env: [{ name: 'MODE', value: envValue }] },
          },
        }
        if (errorsOf(graph).length === 0) expect(exportErrorsOf(graph)).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})
