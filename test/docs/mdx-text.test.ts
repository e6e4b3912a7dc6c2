import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compile } from '@mdx-js/mdx'
import rehypeSlug from 'rehype-slug'
import remarkGfm from 'remark-gfm'
import { describe, expect, it } from 'vitest'
import { extractHeadings, inlineText, mdxSections } from '@/lib/docs/mdx-text'

const DOCS = join(process.cwd(), 'content', 'docs')

/** The heading ids rehype-slug really assigns, read from the compiled MDX's JSX output. */
async function slugIds(source: string): Promise<string[]> {
  const code = String(
    await compile(source, {
      remarkPlugins: [remarkGfm],
      rehypePlugins: [rehypeSlug],
      jsx: true,
    }),
  )
  return [...code.matchAll(/<_components\.h[1-6] id="([^"]+)"/g)].map((m) => m[1] ?? '')
}

describe('inlineText', () => {
  it('keeps code span contents and link labels, drops markers', () => {
    expect(inlineText('Run `s6-rc -a list` and [read](/docs/x/) **this**')).toBe(
      'Run s6-rc -a list and read this',
    )
  })

  it('keeps underscores inside code spans and words', () => {
    expect(inlineText('`S6_KEEP_ENV` and snake_case')).toBe('S6_KEEP_ENV and snake_case')
  })
})

describe('extractHeadings', () => {
  it('skips headings inside fenced code and numbers repeated titles', () => {
    const source = [
      '## Intro',
      '```sh',
      '# not a heading',
      '```',
      '## Intro',
      '### Deep `code`',
    ].join('\n')
    expect(extractHeadings(source)).toEqual([
      { depth: 2, text: 'Intro', id: 'intro' },
      { depth: 2, text: 'Intro', id: 'intro-1' },
      { depth: 3, text: 'Deep code', id: 'deep-code' },
    ])
  })

  it('gives every docs page the same heading ids rehype-slug gives the rendered page', async () => {
    const files = readdirSync(DOCS).filter((f) => f.endsWith('.mdx'))
    expect(files.length).toBeGreaterThan(10)
    for (const file of files) {
      const source = readFileSync(join(DOCS, file), 'utf8')
      expect(
        extractHeadings(source).map((h) => h.id),
        file,
      ).toEqual(await slugIds(source))
    }
  })
})

describe('mdxSections', () => {
  it('splits at headings and turns prose, tables, JSX and code into plain text', () => {
    const source = [
      "import { X } from './x'",
      'Intro with `code`.',
      '',
      '<Note title="Careful">',
      'Inside a **callout**.',
      '</Note>',
      '',
      '## Table',
      '| A | B |',
      '| --- | --- |',
      '| `a \\| b` | two |',
      '',
      '```sh',
      's6-rc -a list',
      '```',
      '<GraphPreview example="reference" />',
    ].join('\n')
    expect(mdxSections(source)).toEqual([
      { text: 'Intro with code. Inside a callout.' },
      {
        heading: { depth: 2, text: 'Table', id: 'table' },
        text: 'A B a | b two s6-rc -a list',
      },
    ])
  })
})
