import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exampleById } from '@/lib/examples'
import { exportFiles } from '@/lib/generate/export-files'
import { highlightDockerfile } from '@/lib/highlight/dockerfile'
import { highlightMarkdown } from '@/lib/highlight/markdown'
import type { Token } from '@/lib/highlight/tokens'

const join = (t: Token[]) => t.map((x) => x.text).join('')
const of = (tokens: Token[], type: string) =>
  tokens.filter((t) => t.type === type).map((t) => t.text)
const files = exportFiles(exampleById('reference')!.graph)

describe('highlightDockerfile', () => {
  it('gives back the input exactly', () => {
    fc.assert(fc.property(fc.string(), (s) => join(highlightDockerfile(s)) === s))
    const text = files.get('docker/s6/Dockerfile')!.contents
    expect(join(highlightDockerfile(text))).toBe(text)
  })

  it('marks instructions, AS, comments, strings, variables and flags', () => {
    const tokens = highlightDockerfile(
      '# syntax=docker/dockerfile:1.7\nFROM ruby:3.4 AS final-s6\nARG V=1\nRUN echo "$V" \\\n && tar -C / -Jxpf x\nCOPY --chmod=755 a /\nENTRYPOINT ["/init"]',
    )
    expect(of(tokens, 'keyword')).toEqual(['FROM', 'AS', 'ARG', 'RUN', 'COPY', 'ENTRYPOINT'])
    expect(of(tokens, 'comment')).toEqual(['# syntax=docker/dockerfile:1.7'])
    expect(of(tokens, 'string')).toEqual(['"$V"', '"/init"'])
    expect(of(tokens, 'operator')).toContain('--chmod')
  })

  it('does not take words of a continued RUN line for instructions', () => {
    const tokens = highlightDockerfile('RUN set -e; \\\n  copy files')
    expect(of(tokens, 'keyword')).toEqual(['RUN'])
  })
})

describe('highlightMarkdown', () => {
  it('gives back the input exactly', () => {
    fc.assert(fc.property(fc.string(), (s) => join(highlightMarkdown(s)) === s))
    const text = files.get('docker/s6/README.md')!.contents
    expect(join(highlightMarkdown(text))).toBe(text)
  })

  it('marks headings, fences, code, links and list markers', () => {
    const tokens = highlightMarkdown(
      '## Usage\n\n- run `ls` and see [docs](https://x.org)\n\n```sh\n# not a heading\n```',
    )
    expect(of(tokens, 'keyword')).toEqual(['## Usage'])
    expect(of(tokens, 'string')).toEqual(['`ls`'])
    expect(of(tokens, 'keyword')).not.toContain('# not a heading')
    expect(of(tokens, 'variable')).toEqual(['(https://x.org)'])
    expect(of(tokens, 'operator')).toEqual(['-'])
    expect(of(tokens, 'comment')).toEqual(['```sh', '```'])
  })
})
