/**
 * A small driver brings the exported oneshots and longruns up in the order the exported
 * dependencies.d tree gives (not the graph), and down in reverse, under Debian's s6; then the
 * events the services logged are checked against the graph's dependencies: nothing starts
 * before what it depends on, nothing stops before what depends on it.
 */
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportFiles } from '@/lib/generate/export-files'
import type { ServiceGraph, ServiceName } from '@/lib/graph/types'
import { liveGraph } from './graphs'
import { atomsOf, poll, readSourceTree, startOrder, tempDir } from './helpers'
import { Supervision } from './supervision'

const flagDir = tempDir('order-flag')
const graph: ServiceGraph = liveGraph(`${flagDir}/never`)
// The live graph's `user` holds every service; the order covers the ones that run cleanly.
graph.services.user = { type: 'bundle', contents: ['web'] }
const sv = new Supervision(exportFiles(graph), 'docker/s6')

beforeAll(() => sv.start())
afterAll(async () => {
  await sv.stop()
  rmSync(flagDir, { recursive: true, force: true })
})

/** Atomic dependencies of a service in the graph (the model), bundles expanded. */
function modelDeps(name: ServiceName): ServiceName[] {
  const s = graph.services[name]
  if (!s || s.type === 'bundle') return []
  const expand = (n: ServiceName): ServiceName[] => {
    const t = graph.services[n]
    if (!t) return []
    return t.type === 'bundle' ? t.contents.flatMap(expand) : [n]
  }
  return s.dependencies.flatMap(expand)
}

describe('dependency order under s6', () => {
  let order: string[] = []

  it('the exported tree gives an order for everything user needs', () => {
    const tree = readSourceTree(sv.rootfs)
    expect(tree.user).toEqual(['web'])
    order = startOrder(tree.services, tree.user)
    expect([...order].sort()).toEqual(['db', 'migrate', 'prep', 'web'])
    expect(atomsOf(tree.services, 'checks')).toEqual(['migrate', 'prep'])
  })

  it('starts each service only after what it depends on, and stops in reverse', async () => {
    const tree = readSourceTree(sv.rootfs)
    for (const name of order) {
      if (tree.services.get(name)?.type === 'oneshot') {
        expect(sv.oneshot(name, 'up'), `${name} up`).toBe(0)
      } else {
        sv.svc('-u', name)
        expect(sv.wait('-u', name, 3000)).toBe(true)
        await poll(`${name} to start`, () => sv.events().includes(`start ${name}`))
      }
    }
    for (const name of [...order].reverse()) {
      if (tree.services.get(name)?.type === 'oneshot') {
        expect(sv.oneshot(name, 'down'), `${name} down`).toBe(0)
      } else {
        sv.svc('-d', name)
        expect(sv.wait('-D', name, 3000)).toBe(true)
      }
    }
    const events = sv.events()
    const at = (e: string) => events.indexOf(e)
    for (const name of order) {
      expect(at(`start ${name}`), `start ${name}`).toBeGreaterThanOrEqual(0)
      expect(at(`stop ${name}`), `stop ${name}`).toBeGreaterThanOrEqual(0)
      for (const dep of modelDeps(name)) {
        expect(at(`start ${dep}`), `${dep} starts before ${name}`).toBeLessThan(at(`start ${name}`))
        expect(at(`stop ${name}`), `${name} stops before ${dep}`).toBeLessThan(at(`stop ${dep}`))
      }
    }
  })
})
