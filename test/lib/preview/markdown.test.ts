import { describe, expect, it } from 'vitest'
import { exampleById } from '@/lib/examples'
import { exportFiles } from '@/lib/generate/export-files'
import { type Block, parseMarkdown, slugify } from '@/lib/preview/markdown'
import { type Inline, inlineText, parseInline, safeHref } from '@/lib/preview/markdown-inline'

const strip = (blocks: Block[]) =>
  blocks.map((b) => {
    const { source: _, ...rest } = b as Block & { source?: string }
    return rest
  })

describe('parseInline', () => {
  it('shows entities as the characters they stand for, as GitHub does, never as markup', () => {
    expect(
      inlineText(parseInline('&lt;img src=x onerror=alert(1)&gt;: load &lt; 5 &amp; up')),
    ).toBe('<img src=x onerror=alert(1)>: load < 5 & up')
    expect(parseInline('&lt;b&gt;')).toEqual([{ type: 'text', text: '<b>' }])
    expect(inlineText(parseInline('&#60; &#x3C; &#0; &nosuch; `&lt;`'))).toBe(
      '< < &#0; &nosuch; &lt;',
    )
  })

  it('reads code, bold, italics, links and escapes', () => {
    expect(parseInline('a `b*c` **d** *e* [f](https://x.org/) g\\_h')).toEqual<Inline[]>([
      { type: 'text', text: 'a ' },
      { type: 'code', text: 'b*c' },
      { type: 'text', text: ' ' },
      { type: 'strong', children: [{ type: 'text', text: 'd' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'e' }] },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://x.org/', children: [{ type: 'text', text: 'f' }] },
      { type: 'text', text: ' g_h' },
    ])
  })

  it('keeps double-backtick spans with a backtick inside', () => {
    expect(parseInline('``a ` b``')).toEqual([{ type: 'code', text: 'a ` b' }])
  })

  it('leaves a lone star or an unclosed backtick as text', () => {
    expect(inlineText(parseInline('2 * 3 = 6 and `x'))).toBe('2 * 3 = 6 and `x')
  })

  it('never links anything but http(s) and in-page targets', () => {
    for (const href of [
      'javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil.org',
      'file:///etc',
    ]) {
      const nodes = parseInline(`[click](${href})`)
      expect(nodes.some((n) => n.type === 'link')).toBe(false)
      expect(inlineText(nodes)).toBe('click')
    }
    expect(safeHref('https://skarnet.org/')).toBe(true)
    expect(safeHref('#per-service')).toBe(true)
    expect(safeHref('JAVASCRIPT:alert(1)')).toBe(false)
  })

  it('keeps HTML as plain text', () => {
    const nodes = parseInline('<script>alert(1)</script> <img src=x onerror=alert(1)>')
    expect(nodes).toEqual([
      { type: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' },
    ])
  })
})

describe('parseMarkdown', () => {
  it('reads headings with unique ids, paragraphs, code and rules', () => {
    const doc = parseMarkdown(
      '# Title\n\nOne\ntwo.\n\n## Usage\n\n```sh\nls -l\n```\n\n---\n\n## Usage\n',
    )
    expect(strip(doc.blocks)).toEqual([
      {
        type: 'heading',
        level: 1,
        id: 'title',
        text: 'Title',
        children: [{ type: 'text', text: 'Title' }],
      },
      { type: 'paragraph', children: [{ type: 'text', text: 'One\ntwo.' }] },
      {
        type: 'heading',
        level: 2,
        id: 'usage',
        text: 'Usage',
        children: [{ type: 'text', text: 'Usage' }],
      },
      { type: 'code', lang: 'sh', text: 'ls -l' },
      { type: 'hr' },
      {
        type: 'heading',
        level: 2,
        id: 'usage-1',
        text: 'Usage',
        children: [{ type: 'text', text: 'Usage' }],
      },
    ])
    expect(doc.headings.map((h) => h.id)).toEqual(['title', 'usage', 'usage-1'])
    expect(doc.blocks[3]!.source).toBe('```sh\nls -l\n```')
  })

  it('reads nested lists, ordered and not', () => {
    const doc = parseMarkdown(
      '1. first\n2. second:\n   1. inner a\n   2. inner b\n3. third\n\n- x\n- y',
    )
    const [ordered, bullets] = strip(doc.blocks) as Extract<Block, { type: 'list' }>[]
    expect(ordered).toMatchObject({ type: 'list', ordered: true, start: 1, tight: true })
    expect(ordered!.items).toHaveLength(3)
    const second = ordered!.items[1]!
    expect(second[0]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: 'second:' }] })
    expect(second[1]).toMatchObject({ type: 'list', ordered: true })
    expect((second[1] as Extract<Block, { type: 'list' }>).items).toHaveLength(2)
    expect(bullets).toMatchObject({ type: 'list', ordered: false })
    expect(bullets!.items).toHaveLength(2)
  })

  it('reads pipe tables with alignment and escaped pipes', () => {
    const doc = parseMarkdown('| A | B |\n| --- | ---: |\n| `x` | a \\| b |\n| y |\n')
    expect(strip(doc.blocks)).toEqual([
      {
        type: 'table',
        align: [undefined, 'right'],
        head: [[{ type: 'text', text: 'A' }], [{ type: 'text', text: 'B' }]],
        rows: [
          [[{ type: 'code', text: 'x' }], [{ type: 'text', text: 'a | b' }]],
          [[{ type: 'text', text: 'y' }], []],
        ],
      },
    ])
  })

  it('reads block quotes', () => {
    const doc = parseMarkdown('> quoted\n> more')
    expect(strip(doc.blocks)).toEqual([
      {
        type: 'blockquote',
        children: [{ type: 'paragraph', children: [{ type: 'text', text: 'quoted\nmore' }] }],
      },
    ])
  })

  it('reads the generated README: every section, its tables and the shutdown steps', () => {
    const readme = exportFiles(exampleById('reference')!.graph).get('docker/s6/README.md')!
    const doc = parseMarkdown(readme.contents)
    expect(doc.headings[0]).toMatchObject({ level: 1, text: 'onetimesecret: s6-overlay setup' })
    const ids = doc.headings.map((h) => h.id)
    expect(ids).toContain('graceful-shutdown')
    expect(ids).toContain('container')
    expect(doc.blocks.filter((b) => b.type === 'table').length).toBeGreaterThanOrEqual(3)
    const links = JSON.stringify(doc.blocks).match(/"href":"[^"]*"/g) ?? []
    expect(links.length).toBeGreaterThan(3)
    for (const l of links) expect(l).toMatch(/"href":"(https?:\/\/|#)/)
    // Nothing of the source is lost as a stray marker.
    expect(JSON.stringify(doc.blocks)).not.toMatch(/"text":"[^"]*\*\*/)
  })

  it('slugs headings the way GitHub does', () => {
    expect(slugify('web: Web server')).toBe('web-web-server')
    expect(slugify('Everything (the default)')).toBe('everything-the-default')
  })
})
