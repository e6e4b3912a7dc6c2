/**
 * The fast shape check must never accept a service the careful one would report: a service
 * wellFormed lets through is used as it is, so one wrong field there could crash a rule.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkService, SERVICE_FIELDS, wellFormed } from '@/lib/graph/rules/shape-service'
import { Findings } from '@/lib/graph/rules/report'
import { exportBenchGraph } from '@/bench/export'

const script = fc.record({ language: fc.constantFrom('sh', 'execline'), body: fc.string() })
/** Right or wrong values for every field a service may have. */
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.array(fc.anything(), { maxLength: 2 }),
  script,
  fc.record({ language: fc.string(), body: fc.anything() }),
  fc.array(fc.record({ name: fc.string(), value: fc.string() }), { maxLength: 2 }),
  fc.array(fc.record({ name: fc.string(), count: fc.oneof(fc.integer(), fc.string()) })),
  fc.record({ check: fc.oneof(fc.string(), fc.integer()) }),
  fc.array(fc.record({ path: fc.string(), contents: fc.string() }), { maxLength: 2 }),
  fc.anything(),
)
const service = fc
  .tuple(
    fc.constantFrom('oneshot', 'longrun', 'bundle', 'other'),
    fc.dictionary(fc.constantFrom(...SERVICE_FIELDS), anyValue, { maxKeys: 12 }),
  )
  .map(([type, fields]) => ({ ...fields, type }))

describe('wellFormed', () => {
  it('accepts only services the careful check finds nothing wrong with', () => {
    fc.assert(
      fc.property(service, (raw) => {
        const copy = wellFormed(raw)
        if (!copy) return
        const out = new Findings()
        expect(checkService('s', raw, out)).toBeDefined()
        expect(out.list).toEqual([])
        // The copy has the same values, every other field undefined.
        for (const [key, value] of Object.entries(raw)) {
          if (key in copy) expect(copy[key]).toBe(value)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('accepts every service of a large generated design as it is', () => {
    for (const raw of Object.values(exportBenchGraph(300).services)) {
      expect(wellFormed(raw as unknown as Record<string, unknown>)).toBeDefined()
    }
  })

  it('refuses a service with one wrong field, whichever field it is', () => {
    const base = { type: 'longrun', dependencies: [], run: { language: 'sh', body: 'exec x' } }
    expect(wellFormed(base)).toBeDefined()
    for (const [key, bad] of [
      ['description', 1],
      ['dependencies', 'web'],
      ['timeoutKill', '5s'],
      ['run', { language: 'zsh', body: '' }],
      ['env', [{ name: 'A' }]],
      ['children', [{ count: 2 }]],
      ['readiness', { check: 3 }],
      ['extraFiles', [{ path: 'a' }]],
      ['withContenv', 'yes'],
    ] as const) {
      expect(wellFormed({ ...base, [key]: bad }), key).toBeUndefined()
    }
    expect(wellFormed({ type: 'oneshot', dependencies: [] }), 'no up').toBeUndefined()
    expect(wellFormed({ type: 'bundle' }), 'no contents').toBeUndefined()
  })
})
