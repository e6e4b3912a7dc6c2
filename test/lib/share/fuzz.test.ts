import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseGraph } from '@/lib/graph/parse'
import { decodeShareLink, encodeShareLink } from '@/lib/share/codec'

const reference = parseGraph(
  JSON.parse(readFileSync(join(process.cwd(), 'content/examples/reference.json'), 'utf8')),
)

/** Every rejection is a non-empty message; nothing throws. */
async function expectHandled(link: string) {
  const result = await decodeShareLink(link)
  if (!result.ok) {
    expect(typeof result.error).toBe('string')
    expect(result.error.length).toBeGreaterThan(10)
  } else {
    expect(result.graph.services.user?.type).toBe('bundle')
  }
  return result.ok
}

describe('share link fuzzing', () => {
  it('handles 5,000 random strings with a message each', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ maxLength: 200 }).map((s) => `#s6g=1.d.${s}`),
          fc.stringMatching(/^[A-Za-z0-9_-]{0,300}$/).map((s) => `#s6g=1.d.AAAAAA.${s}`),
        ),
        async (link) => {
          await expectHandled(link)
        },
      ),
      { numRuns: 5_000 },
    )
  })

  it('handles 5,000 mutations of a real link with a message each', async () => {
    if (!reference.ok) throw new Error(reference.error)
    const link = await encodeShareLink(reference.graph)
    let accepted = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            at: fc.nat({ max: link.length - 1 }),
            op: fc.constantFrom('replace', 'delete', 'insert', 'truncate'),
            ch: fc.constantFrom(...'AZaz09-_.=+/%#'.split('')),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (mutations) => {
          let s = link
          for (const m of mutations) {
            const at = Math.min(m.at, s.length)
            if (m.op === 'replace') s = s.slice(0, at) + m.ch + s.slice(at + 1)
            else if (m.op === 'delete') s = s.slice(0, at) + s.slice(at + 1)
            else if (m.op === 'insert') s = s.slice(0, at) + m.ch + s.slice(at)
            else s = s.slice(0, at)
          }
          if (s !== link && (await expectHandled(s))) accepted++
        },
      ),
      { numRuns: 5_000 },
    )
    // The checksum means almost no altered link is taken for a design.
    expect(accepted).toBeLessThan(50)
  })
})
