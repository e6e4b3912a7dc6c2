import type { Element, Root } from 'hast'
import { describe, expect, it } from 'vitest'
import rehypeCode, { grammarFor, parseMeta } from '@/lib/docs/rehype-code.mjs'

function codeBlock(lang: string | undefined, text: string, meta?: string): Root {
  return {
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'pre',
        properties: {},
        children: [
          {
            type: 'element',
            tagName: 'code',
            properties: lang ? { className: [`language-${lang}`] } : {},
            ...(meta ? { data: { meta } } : {}),
            children: [{ type: 'text', value: text }],
          } as Element,
        ],
      },
    ],
  }
}

describe('rehypeCode', () => {
  it('highlights a fenced block for both themes and keeps its language and title', async () => {
    const tree = codeBlock('sh', 'exec s6-svc -r /run/service/web\n', 'title="run"')
    await rehypeCode()(tree)
    const pre = tree.children[0] as Element
    expect(pre.tagName).toBe('pre')
    expect(pre.properties.className).toContain('shiki')
    expect(pre.properties.dataLanguage).toBe('sh')
    expect(pre.properties.dataTitle).toBe('run')
    expect(String(pre.properties.style)).toContain('--shiki-dark')
    const html = JSON.stringify(pre)
    expect(html).toContain('--shiki-light')
    expect(html).toContain('s6-svc')
  })

  it('leaves unknown languages as plain text without failing', async () => {
    const tree = codeBlock('brainfuck', '+[]')
    await rehypeCode()(tree)
    expect(JSON.stringify(tree)).toContain('+[]')
  })
})

describe('grammarFor and parseMeta', () => {
  it('maps the guide’s fence names to shiki grammars', () => {
    expect(grammarFor('sh')).toBe('shellscript')
    expect(grammarFor('execline')).toBe('shellscript')
    expect(grammarFor('console')).toBe('shellsession')
    expect(grammarFor('text')).toBe('text')
    expect(grammarFor('cobol')).toBe('text')
  })

  it('reads title="…" from the fence meta', () => {
    expect(parseMeta('title="docker/s6/"')).toEqual({ title: 'docker/s6/' })
    expect(parseMeta(undefined)).toEqual({ title: undefined })
  })
})
