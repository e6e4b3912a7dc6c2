import { describe, expect, it } from 'vitest'
import { benchGraph } from '@/bench/validate-plan'
import { builtinExamples, exampleById } from '@/lib/examples'
import { addService, bundle, longrun, oneshot } from '@/lib/graph/service-graph'
import type { Longrun, ServiceGraph } from '@/lib/graph/types'
import { startPlan, stopPlan } from '@/lib/plan/plan'
import { shutdownVerdict } from '@/lib/preview/shutdown-advice'
import { stopTimeline } from '@/lib/preview/stop-timeline'
import { exactMs, formatMs, timeScale } from '@/lib/preview/time-scale'

const judge = (g: ServiceGraph) => {
  const stop = stopPlan(g)
  const tl = stopTimeline(startPlan(g), stop)
  return { stop, tl, verdict: shutdownVerdict(g, stop, tl) }
}

describe('formatMs and timeScale', () => {
  it('formats durations for people', () => {
    expect(formatMs(80)).toBe('80 ms')
    expect(formatMs(2100)).toBe('2.1 s')
    expect(formatMs(30_000)).toBe('30 s')
    expect(formatMs(125_000)).toBe('2 min 5 s')
    expect(formatMs(Infinity)).toBe('∞')
  })

  it('formats a duration to the millisecond where two are compared', () => {
    // formatMs rounds both to '30 s'; an estimate just past its limit must not read as equal.
    expect(formatMs(30_001)).toBe(formatMs(30_000))
    expect(exactMs(30_001)).toBe('30.001 s')
    expect(exactMs(30_000)).toBe('30 s')
    expect(exactMs(80)).toBe('80 ms')
    expect(exactMs(2100)).toBe('2.1 s')
  })

  it('makes an axis of round ticks that covers the span', () => {
    const s = timeScale(2110)
    expect(s.ticks).toEqual([0, 500, 1000, 1500, 2000, 2500])
    expect(s.maxMs).toBe(2500)
    expect(s.at(1250)).toBe(0.5)
    expect(s.at(99_999)).toBe(1)
    expect(timeScale(0).maxMs).toBeGreaterThan(0)
    expect(timeScale(10_000).ticks.at(-1)).toBe(10_000)
  })
})

describe('stopTimeline', () => {
  it('stops the reference longruns first, then the oneshots once nothing needs them', () => {
    const { tl } = judge(exampleById('reference')!.graph)
    const at = (n: string) => tl.bars.find((b) => b.name === n)!
    expect(at('web')).toMatchObject({ startMs: 0, endMs: 6000, unbounded: false })
    expect(at('scheduler')).toMatchObject({ startMs: 0, endMs: 4000 })
    expect(at('config-check').startMs).toBe(6000)
    expect(at('config-check').after).toBe('web')
    expect(tl.servicesMs).toBe(6000)
    expect(tl.criticalPath[0]).toBe('web')
  })

  it('agrees with the stop plan on every example and on a big generated design', () => {
    for (const g of [...builtinExamples().map((e) => e.graph), benchGraph(300)]) {
      const { stop, tl } = judge(g)
      expect(tl.servicesMs).toBe(stop.servicesMs ?? Infinity)
      expect(tl.bars.map((b) => b.name)).toEqual(stop.order)
      for (const b of tl.bars)
        if (b.after) expect(b.startMs).toBe(tl.bars.find((x) => x.name === b.after)!.endMs)
    }
  })

  it('marks a step unbounded and what waits behind it', () => {
    let g = exampleById('reference')!.graph
    g = {
      ...g,
      services: { ...g.services, web: { ...(g.services.web as Longrun), timeoutKill: 0 } },
    }
    const { tl, verdict } = judge(g)
    const web = tl.bars.find((b) => b.name === 'web')!
    expect(web.unbounded).toBe(true)
    expect(web.endMs).toBe(Infinity)
    expect(tl.bars.find((b) => b.name === 'config-check')!.startMs).toBe(Infinity)
    expect(verdict.status).toBe('unbounded')
    expect(verdict.unbounded).toEqual(['web'])
    expect(verdict.fixes).toEqual([{ kind: 'set-timeout-kill', service: 'web' }])
  })
})

describe('shutdownVerdict', () => {
  it('says the reference fits in docker stop', () => {
    const { verdict } = judge(exampleById('reference')!.graph)
    expect(verdict).toMatchObject({
      status: 'ok',
      totalMs: 9000,
      servicesMs: 6000,
      killGraceMs: 3000,
      limitMs: 10_000,
    })
    expect(verdict.fixes).toEqual([])
  })

  it('suggests shorter timeouts on the longest chain, less grace and more docker stop time', () => {
    let g = exampleById('reference')!.graph
    g = addService(g, 'slow', longrun({ timeoutKill: 9000, dependencies: ['web'] }))
    g = {
      ...g,
      services: {
        ...g.services,
        user: bundle({ contents: ['web', 'scheduler', 'worker', 'slow'] }),
      },
    }
    const { verdict } = judge(g)
    expect(verdict.status).toBe('over')
    expect(verdict.totalMs).toBe(9000 + 6000 + 3000)
    expect(verdict.fixes[0]).toEqual({
      kind: 'lower-timeout',
      service: 'slow',
      field: 'timeoutKill',
      ms: 9000,
    })
    expect(verdict.fixes).toContainEqual({ kind: 'lower-kill-grace', ms: 3000 })
    expect(verdict.fixes.at(-1)).toEqual({ kind: 'docker-stop', seconds: 19 })
  })

  it('asks for timeout-down on a oneshot whose down has no limit', () => {
    let g = exampleById('reference')!.graph
    g = addService(g, 'cleanup', oneshot({ down: { language: 'sh', body: 'rm -rf /tmp/x' } }))
    const { verdict } = judge(g)
    expect(verdict.status).toBe('unbounded')
    expect(verdict.fixes).toContainEqual({ kind: 'set-timeout-down', service: 'cleanup' })
  })
})
