/**
 * The built-in examples offered by the designer (and opened with `?example=<id>`). Each is read
 * through `parseGraph`, like any other graph that comes from outside the store.
 */
import cronBesideApp from '../content/examples/cron-beside-app.json'
import loggerPipeline from '../content/examples/logger-pipeline.json'
import nestedBundles from '../content/examples/nested-bundles.json'
import reference from '../content/examples/reference.json'
import starter from '../content/examples/starter.json'
import { parseGraph } from './graph/parse'
import type { ServiceGraph } from './graph/types'

export interface BuiltinExample {
  id: string
  title: string
  description: string
  graph: ServiceGraph
}

const SOURCES: { id: string; title: string; description: string; data: unknown }[] = [
  {
    id: 'reference',
    title: 'Web app with jobs',
    description: 'Two pre-flight oneshots, then a web server, a scheduler and a worker.',
    data: reference,
  },
  {
    id: 'starter',
    title: 'Runnable starter',
    description: 'A setup oneshot, a web server and cron on python:3.12-alpine; runs as exported.',
    data: starter,
  },
  {
    id: 'logger-pipeline',
    title: 'Service with a logger',
    description: 'An API whose output goes through an s6-log pipeline.',
    data: loggerPipeline,
  },
  {
    id: 'cron-beside-app',
    title: 'App with cron',
    description: 'A migration oneshot, the app, and a cron daemon beside it.',
    data: cronBesideApp,
  },
  {
    id: 'nested-bundles',
    title: 'Nested bundles',
    description: 'nginx and PHP-FPM grouped into front-end and back-end bundles.',
    data: nestedBundles,
  },
]

let parsed: BuiltinExample[] | undefined

/** Every built-in example that parses (all of them, as the tests check). */
export function builtinExamples(): BuiltinExample[] {
  if (!parsed) {
    parsed = []
    for (const { data, ...meta } of SOURCES) {
      const result = parseGraph(data)
      if (result.ok) parsed.push({ ...meta, graph: result.graph })
    }
  }
  return parsed
}

/** The example with this id, if any. */
export function exampleById(id: string): BuiltinExample | undefined {
  return builtinExamples().find((e) => e.id === id)
}

/** The example the designer opens on a first visit. */
export const DEFAULT_EXAMPLE_ID = 'reference'
