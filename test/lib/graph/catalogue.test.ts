/**
 * Every diagnostic code that lib/ or the CLI can emit has a catalogue entry, and so a page
 * under /docs/diagnostics/ (a code without one was linked from messages and 404ed).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIAGNOSTICS } from '@/lib/graph/diagnostics'
import { sources } from '../../fixtures/sources'

/** Codes as the sources emit them: `code: 'x'`, `sd.diag('x', …)`, `report(ctx, 'x', …)`. */
const EMIT = [
  /\bcode: '([a-z0-9-]+)'/g,
  /\.diag\(\s*'([a-z0-9-]+)'/g,
  /\breport\(\s*ctx,\s*'([a-z0-9-]+)'/g,
]

describe('diagnostics catalogue', () => {
  it('has an entry for every code lib/ and the CLI emit', () => {
    const emitted = new Map<string, string>()
    for (const root of ['lib', 'cli'])
      for (const file of sources(join(process.cwd(), root))) {
        const text = readFileSync(file, 'utf8')
        for (const pattern of EMIT) for (const m of text.matchAll(pattern)) emitted.set(m[1]!, file)
      }
    expect(emitted.size).toBeGreaterThan(60)
    const missing = [...emitted]
      .filter(([code]) => !DIAGNOSTICS[code])
      .map(([c, f]) => `${c} (${f})`)
    expect(missing).toEqual([])
  })
})
