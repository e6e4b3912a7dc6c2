import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { highlightExecline } from '@/lib/highlight/execline'
import { highlightSh } from '@/lib/highlight/sh'

const join = (t: { text: string }[]) => t.map((x) => x.text).join('')

describe('highlightSh', () => {
  it('gives back the input exactly', () => {
    fc.assert(fc.property(fc.string(), (s) => join(highlightSh(s)) === s))
  })

  it('marks keywords, commands, strings, variables and comments', () => {
    const tokens = highlightSh('if [ -z "${REDIS_URL:-}" ]; then\n  exec bundle exec puma # go\nfi')
    const of = (type: string) => tokens.filter((t) => t.type === type).map((t) => t.text)
    expect(of('keyword')).toEqual(expect.arrayContaining(['if', 'then', 'exec', 'fi']))
    expect(of('variable')).toContain('${REDIS_URL:-}')
    expect(of('comment')).toEqual(['# go'])
    expect(of('command')).toContain('bundle')
  })
})

describe('highlightExecline', () => {
  it('gives back the input exactly', () => {
    fc.assert(fc.property(fc.string(), (s) => join(highlightExecline(s)) === s))
  })

  it('marks programs, blocks, numbers and options', () => {
    const tokens = highlightExecline(
      'foreground { echo hi }\nfdmove -c 2 1\nlogutil-service /var/log/app',
    )
    const of = (type: string) => tokens.filter((t) => t.type === type).map((t) => t.text)
    expect(of('command')).toEqual(['foreground', 'fdmove', 'logutil-service'])
    expect(of('brace')).toEqual(['{', '}'])
    expect(of('keyword')).toEqual(['-c'])
  })
})
