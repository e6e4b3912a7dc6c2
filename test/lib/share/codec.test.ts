import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseGraph } from '@/lib/graph/parse'
import { arbitraryGraph } from '../../fixtures/arbitrary-graph'
import type { ServiceGraph } from '@/lib/graph/types'
import { fromBase64Url, toBase64Url } from '@/lib/share/base64url'
import { deflateRaw } from '@/lib/share/compress'
import {
  decodeShareLink,
  encodeShareLink,
  LINK_COMFORT_LENGTH,
  linkChecksum,
  shareUrl,
} from '@/lib/share/codec'

const EXAMPLES = join(process.cwd(), 'content/examples')
const FROZEN = join(process.cwd(), 'test/fixtures/links')

function example(id: string): ServiceGraph {
  const parsed = parseGraph(JSON.parse(readFileSync(join(EXAMPLES, `${id}.json`), 'utf8')))
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.graph
}

const exampleIds = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))

describe('base64url', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes)
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/)
        expect(fromBase64Url(text)).toEqual(bytes)
      }),
    )
  })

  it('refuses characters outside the alphabet', () => {
    expect(fromBase64Url('ab+c')).toBeUndefined()
    expect(fromBase64Url('a')).toBeUndefined()
  })
})

describe('share links', () => {
  it.each(exampleIds)('round-trips the %s example', async (id) => {
    const graph = example(id)
    const decoded = await decodeShareLink(await shareUrl('https://designer.example/', graph))
    expect(decoded).toEqual({ ok: true, graph, notes: expect.any(Array) })
  })

  it('round-trips 500 random graphs', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryGraph(), async (graph) => {
        const decoded = await decodeShareLink(await shareUrl('https://designer.example/', graph))
        expect(decoded).toEqual({ ok: true, graph, notes: expect.any(Array) })
      }),
      { numRuns: 500 },
    )
  }, 120_000)

  it('keeps the reference example under 2,000 characters with positions', async () => {
    const graph = example('reference')
    const layout = Object.fromEntries(
      Object.keys(graph.services).map((n, i) => [
        n,
        { x: 240 * (i % 4), y: 120 * Math.floor(i / 4) },
      ]),
    )
    const url = await shareUrl('https://designer.example/', { ...graph, layout })
    expect(url.length).toBeLessThanOrEqual(LINK_COMFORT_LENGTH)
  })

  it('decodes every frozen link of every past format to the graph it was made from', async () => {
    const frozen = readdirSync(FROZEN).filter((f) => f.endsWith('.link'))
    expect(frozen.length).toBeGreaterThan(0)
    for (const file of frozen) {
      // Each frozen link sits beside the graph it was made from: v<format>-<name>.link + .json.
      const source = parseGraph(
        readFileSync(join(FROZEN, file.replace(/\.link$/, '.json')), 'utf8'),
      )
      if (!source.ok) throw new Error(source.error)
      const link = readFileSync(join(FROZEN, file), 'utf8').trim()
      const decoded = await decodeShareLink(link)
      expect(decoded, file).toEqual({ ok: true, graph: source.graph, notes: expect.any(Array) })
    }
  })

  const bad: [string, string, RegExp][] = [
    ['no fragment', 'https://designer.example/', /no "#s6g=" part/],
    ['newer format', '#s6g=9.d.AAAAAA.AAAA', /newer s6 Designer/],
    ['unknown codec', '#s6g=1.q.AAAAAA.AAAA', /unknown compression/],
    ['missing parts', '#s6g=1.d', /missing parts/],
    ['bad characters', '#s6g=1.d.AAAAAA.ab+c!', /characters/],
    ['random bytes', '#s6g=1.d.AAAAAA.zzzzzzzzzzzzzzzz', /damaged/],
  ]
  it.each(bad)('refuses a link with %s', async (_label, link, message) => {
    const result = await decodeShareLink(link)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(message)
  })

  it('refuses a truncated link', async () => {
    const link = await encodeShareLink(example('reference'))
    const result = await decodeShareLink(link.slice(0, link.length - 40))
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) })
  })

  it('refuses an altered link', async () => {
    const link = await encodeShareLink(example('reference'))
    const i = link.length - 30
    const altered = link.slice(0, i) + (link[i] === 'A' ? 'B' : 'A') + link.slice(i + 1)
    const result = await decodeShareLink(altered)
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) })
  })

  it('refuses a decompression bomb without inflating it all', async () => {
    const bomb = await deflateRaw(new Uint8Array(50_000_000).fill(32))
    const result = await decodeShareLink(`#s6g=1.d.AAAAAA.${toBase64Url(bomb)}`)
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/more than 5 MB/) })
  })

  const craft = async (data: unknown) => {
    const json = JSON.stringify(data)
    const packed = toBase64Url(await deflateRaw(new TextEncoder().encode(json)))
    return `#s6g=1.d.${linkChecksum(json)}.${packed}`
  }

  it('refuses valid JSON of the wrong shape with the parser message', async () => {
    const result = await decodeShareLink(await craft({ v: 1, g: { services: 42 } }))
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not valid: .*services/),
    })
  })

  it('refuses JSON that holds no design', async () => {
    expect(await decodeShareLink(await craft([1, 2, 3]))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/does not contain a design/),
    })
  })

  it('says a design that is text, a list or null is not a graph object (not "not JSON")', async () => {
    for (const g of ['hello', '{"version":2}', [1], null]) {
      const result = await decodeShareLink(await craft({ v: 1, g }))
      expect(result).toMatchObject({
        ok: false,
        error: expect.stringMatching(/not a graph object/),
      })
    }
  })

  it('opens a link pasted with the punctuation of the sentence or Markdown around it', async () => {
    const link = await encodeShareLink(example('reference'))
    const url = `https://example.org/#${link}`
    for (const pasted of [`${link}.`, `${link})`, `${link}).`, `  ${link}"  `, `<${url}>`]) {
      const result = await decodeShareLink(pasted)
      expect(result.ok, pasted).toBe(true)
    }
  })

  it('refuses absurdly long input at once', async () => {
    const result = await decodeShareLink(`#s6g=1.d.AAAAAA.${'A'.repeat(4_100_000)}`)
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/characters long/) })
  })
})
