import type { Element, ElementContent, Root } from 'hast'
import { describe, expect, it } from 'vitest'
import rehypeCode from '@/lib/docs/rehype-code.mjs'
import { isReferenceTable } from '@/lib/docs/rehype-tables.mjs'

const el = (tagName: string, children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties: {},
  children,
})
const text = (value: string): ElementContent => ({ type: 'text', value })

function table(headers: string[], rows: string[][]): Root {
  return {
    type: 'root',
    children: [
      el('div', [
        el('table', [
          el('thead', [
            el(
              'tr',
              headers.map((h) => el('th', [text(h)])),
            ),
          ]),
          el(
            'tbody',
            rows.map((r) =>
              el(
                'tr',
                r.map((c) => el('td', [text(c)])),
              ),
            ),
          ),
        ]),
      ]),
    ],
  }
}

const tableOf = (tree: Root) => (tree.children[0] as Element).children[0] as Element
const cells = (tree: Root) =>
  ((tableOf(tree).children[1] as Element).children[0] as Element).children as Element[]

describe('reference tables on phones', () => {
  it('labels every cell of a field table with its column, and marks the table', async () => {
    const tree = table(['Field', 'Default', 'What it does'], [['Name', '—', 'The folder name.']])
    await rehypeCode()(tree)
    expect(tableOf(tree).properties.className).toEqual(['stack-narrow'])
    expect(cells(tree).map((c) => c.properties.dataLabel)).toEqual([
      'Field',
      'Default',
      'What it does',
    ])
  })

  it('leaves other tables as they are', async () => {
    const tree = table(['Goal', 'Command', 'What it does'], [['a', 'b', 'c']])
    await rehypeCode()(tree)
    expect(tableOf(tree).properties.className).toBeUndefined()
    expect(cells(tree).map((c) => c.properties.dataLabel)).toEqual([
      undefined,
      undefined,
      undefined,
    ])
  })

  it('knows a reference table by its header', () => {
    expect(isReferenceTable(['Setting', 'Default', 'Effect'])).toBe(true)
    expect(isReferenceTable(['Field', 'File', 'Effect'])).toBe(true)
    expect(isReferenceTable(['Value', 'Effect'])).toBe(false)
    expect(isReferenceTable(['', 'Longrun', 'Oneshot', 'Bundle'])).toBe(false)
  })
})
