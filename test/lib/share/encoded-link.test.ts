/** Share links whose `#` (and `=`) a chat app percent-encoded on the way. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseGraph } from '@/lib/graph/parse'
import type { ServiceGraph } from '@/lib/graph/types'
import { decodeShareLink, encodeShareLink, findLinkFragment } from '@/lib/share/codec'

function reference(): ServiceGraph {
  const parsed = parseGraph(JSON.parse(readFileSync('content/examples/reference.json', 'utf8')))
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.graph
}

describe('a percent-encoded share link', () => {
  it('opens when its # is written %23', async () => {
    const fragment = await encodeShareLink(reference())
    for (const pasted of [
      `https://example.org/s6/%23${fragment}`,
      `https://example.org/s6/%23${fragment.replace('s6g=', 's6g%3D')}`,
      `https://example.org/s6/%23${fragment.replace('s6g=', 's6g%3d')}).`,
      `%23${fragment}`,
    ]) {
      expect(findLinkFragment(pasted), pasted).toBe(fragment)
      const result = await decodeShareLink(pasted)
      expect(result.ok, pasted).toBe(true)
      if (result.ok) expect(Object.keys(result.graph.services)).toContain('web')
    }
  })

  it('reads a real # first, as before', async () => {
    const fragment = await encodeShareLink(reference())
    expect(findLinkFragment(`https://example.org/?q=%23s6g%3Dx#${fragment}`)).toBe(fragment)
  })

  it('is still no link without s6g= after the %23', () => {
    expect(findLinkFragment('https://example.org/%23other')).toBeUndefined()
    expect(findLinkFragment('https://example.org/a%23b')).toBeUndefined()
  })
})
