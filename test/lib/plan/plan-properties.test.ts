import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { closure, processTree, startPlan, stopPlan } from '@/lib/plan/plan'
import { arbitraryGraph } from '../../fixtures/arbitrary-graph'

describe('plans: properties', () => {
  it('starts every dependency before its dependent and stops it after', () => {
    fc.assert(
      fc.property(arbitraryGraph(), (graph) => {
        const start = startPlan(graph)
        const stop = stopPlan(graph)
        const started = new Map(start.timeline.map((e) => [e.name, e]))
        const stopWave = new Map(stop.steps.map((s) => [s.name, s.wave]))
        for (const entry of start.timeline) {
          for (const dep of entry.dependencies) {
            const d = started.get(dep)!
            expect(d.endMs).toBeLessThanOrEqual(entry.startMs)
            expect(d.wave).toBeLessThan(entry.wave)
            expect(stopWave.get(dep)!).toBeGreaterThan(stopWave.get(entry.name)!)
          }
        }
        // A service is never started exactly when something it needs fails or is never started.
        for (const entry of start.timeline) {
          const held = entry.dependencies.filter((d) => {
            const e = started.get(d)!
            return e.timedOut !== undefined || e.blockedBy !== undefined
          })
          expect(entry.blockedBy !== undefined).toBe(held.length > 0)
          if (entry.blockedBy !== undefined) expect(start.failed).toContain(entry.blockedBy)
          if (entry.timedOut) expect(entry.endMs - entry.startMs).toBe(entry.timeoutMs)
        }
        expect(start.closure).toEqual(closure(graph))
        expect(stop.order).toEqual(stop.waves.flat())
        expect([...stop.order].sort()).toEqual(start.closure)
      }),
      { numRuns: 200 },
    )
  })

  it('is deterministic', () => {
    fc.assert(
      fc.property(arbitraryGraph(), (graph) => {
        const copy = structuredClone(graph)
        expect(startPlan(copy)).toEqual(startPlan(graph))
        expect(stopPlan(copy)).toEqual(stopPlan(graph))
        expect(processTree(copy)).toEqual(processTree(graph))
      }),
      { numRuns: 100 },
    )
  })

  it("ends the critical path at the latest end, following each step's latest dependency", () => {
    fc.assert(
      fc.property(arbitraryGraph(), (graph) => {
        const plan = startPlan(graph)
        if (plan.timeline.length === 0) return
        const byName = new Map(plan.timeline.map((e) => [e.name, e]))
        const last = byName.get(plan.criticalPath[plan.criticalPath.length - 1]!)!
        expect(last.endMs).toBe(plan.totalMs)
        for (let i = 1; i < plan.criticalPath.length; i++) {
          const prev = byName.get(plan.criticalPath[i - 1]!)!
          const next = byName.get(plan.criticalPath[i]!)!
          expect(next.dependencies).toContain(prev.name)
          expect(prev.endMs).toBe(next.startMs)
        }
        expect(byName.get(plan.criticalPath[0]!)!.startMs).toBe(0)
        expect(plan.timeline.filter((e) => e.critical).length).toBe(plan.criticalPath.length)
      }),
      { numRuns: 200 },
    )
  })
})
