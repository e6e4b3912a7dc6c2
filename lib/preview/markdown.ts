/**
 * A small Markdown reader for the Docs preview: the subset the generated README uses (ATX
 * headings, paragraphs, nested lists, fenced code, pipe tables, block quotes, rules; inline
 * code, bold, italics, links, backslash escapes) turned into plain data. The view renders that
 * data as React elements, so no text is ever interpreted as HTML: raw HTML stays visible text,
 * and links keep only http(s) and in-page (#) targets.
 */

import { type Inline, inlineText, parseInline } from './markdown-inline'

export type Align = 'left' | 'center' | 'right' | undefined

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; id: string; text: string; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'list'; ordered: boolean; start: number; tight: boolean; items: Block[][] }
  | { type: 'table'; align: Align[]; head: Inline[][]; rows: Inline[][][] }
  | { type: 'blockquote'; children: Block[] }
  | { type: 'hr' }

/** A top-level block with its source text, so a view can skip blocks that did not change. */
export type SourcedBlock = Block & { source: string }

export interface MarkdownDocument {
  blocks: SourcedBlock[]
  headings: { level: number; id: string; text: string }[]
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/
const ITEM = /^( *)([-*+]|\d{1,9}[.)])( +|$)(.*)$/
const QUOTE = /^ {0,3}> ?(.*)$/
const TABLE_RULE = /^ *\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *$/

const blank = (line: string) => line.trim() === ''

/** GitHub-style heading slugs: lower case, punctuation dropped, spaces to dashes. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-')
}

function splitRow(line: string): string[] {
  let s = line.trim()
  if (s.startsWith('|')) s = s.slice(1)
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1)
  const cells: string[] = []
  let cell = ''
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!
    if (ch === '\\' && s[i + 1] === '|') {
      cell += '|'
      i++
    } else if (ch === '`') {
      // A pipe inside a code span still splits cells in GFM; keep the simple rule.
      cell += ch
    } else if (ch === '|') {
      cells.push(cell.trim())
      cell = ''
    } else cell += ch
  }
  cells.push(cell.trim())
  return cells
}

function startsBlock(line: string, next: string | undefined): boolean {
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    RULE.test(line) ||
    QUOTE.test(line) ||
    ITEM.test(line) ||
    (line.includes('|') && next !== undefined && TABLE_RULE.test(next) && next.includes('-'))
  )
}

interface Context {
  slugs: Map<string, number>
  headings: MarkdownDocument['headings']
}

function headingId(ctx: Context, text: string): string {
  const base = slugify(text) || 'section'
  const seen = ctx.slugs.get(base)
  ctx.slugs.set(base, (seen ?? 0) + 1)
  return seen === undefined ? base : `${base}-${seen}`
}

/** Parses blocks; with `sources`, also records each block's source text there. */
function parseBlocks(lines: string[], ctx: Context, sources?: string[]): Block[] {
  const blocks: Block[] = []
  let i = 0
  const add = (block: Block, from: number) => {
    blocks.push(block)
    sources?.push(lines.slice(from, i).join('\n'))
  }
  while (i < lines.length) {
    const line = lines[i]!
    const from = i
    if (blank(line)) {
      i++
      continue
    }
    const fence = FENCE.exec(line)
    if (fence) {
      const marker = fence[1]!
      const indent = line.length - line.trimStart().length
      const body: string[] = []
      i++
      while (
        i < lines.length &&
        !new RegExp(`^ {0,3}${marker[0]}{${marker.length},}\\s*$`).test(lines[i]!)
      ) {
        body.push(lines[i]!.replace(new RegExp(`^ {0,${indent}}`), ''))
        i++
      }
      i++
      add({ type: 'code', lang: fence[2] ?? '', text: body.join('\n') }, from)
      continue
    }
    const heading = HEADING.exec(line)
    if (heading) {
      i++
      const children = parseInline(heading[2] ?? '')
      const text = inlineText(children)
      const level = heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6
      const id = headingId(ctx, text)
      ctx.headings.push({ level, id, text })
      add({ type: 'heading', level, id, text, children }, from)
      continue
    }
    const next = lines[i + 1]
    if (line.includes('|') && next !== undefined && TABLE_RULE.test(next) && next.includes('-')) {
      const head = splitRow(line)
      const align: Align[] = splitRow(next).map((c) =>
        c.startsWith(':') && c.endsWith(':')
          ? 'center'
          : c.endsWith(':')
            ? 'right'
            : c.startsWith(':')
              ? 'left'
              : undefined,
      )
      i += 2
      const rows: Inline[][][] = []
      while (i < lines.length && !blank(lines[i]!) && lines[i]!.includes('|')) {
        const cells = splitRow(lines[i]!)
        rows.push(head.map((_, c) => parseInline(cells[c] ?? '')))
        i++
      }
      add({ type: 'table', align, head: head.map((h) => parseInline(h)), rows }, from)
      continue
    }
    if (RULE.test(line)) {
      i++
      add({ type: 'hr' }, from)
      continue
    }
    if (QUOTE.test(line)) {
      const inner: string[] = []
      for (let m = QUOTE.exec(line); m; m = i < lines.length ? QUOTE.exec(lines[i]!) : null) {
        inner.push(m[1]!)
        i++
      }
      add({ type: 'blockquote', children: parseBlocks(inner, ctx) }, from)
      continue
    }
    const item = ITEM.exec(line)
    if (item) {
      i = parseList(lines, i, ctx, (block) => add(block, from))
      continue
    }
    const text: string[] = [line.trim()]
    i++
    while (i < lines.length && !blank(lines[i]!) && !startsBlock(lines[i]!, lines[i + 1])) {
      text.push(lines[i]!.trim())
      i++
    }
    add({ type: 'paragraph', children: parseInline(text.join('\n')) }, from)
  }
  return blocks
}

/** Reads a list starting at `start`; returns the index after it. */
function parseList(
  lines: string[],
  start: number,
  ctx: Context,
  emit: (block: Block) => void,
): number {
  const first = ITEM.exec(lines[start]!)!
  const ordered = /\d/.test(first[2]!)
  const baseIndent = first[1]!.length
  const items: Block[][] = []
  let tight = true
  let i = start
  while (i < lines.length) {
    const m = ITEM.exec(lines[i]!)
    if (!m || m[1]!.length !== baseIndent || /\d/.test(m[2]!) !== ordered) break
    const contentIndent = baseIndent + m[2]!.length + Math.max(1, Math.min(m[3]!.length, 4))
    const body: string[] = [m[4] ?? '']
    i++
    let sawBlank = false
    while (i < lines.length) {
      const l = lines[i]!
      if (blank(l)) {
        body.push('')
        sawBlank = true
        i++
        continue
      }
      const indent = l.length - l.trimStart().length
      if (indent >= contentIndent) {
        body.push(l.slice(contentIndent))
      } else if (!sawBlank && !startsBlock(l, lines[i + 1]) && indent > baseIndent - 1) {
        body.push(l.trim()) // a lazy continuation of the item's paragraph
      } else if (!sawBlank && ITEM.test(l) && indent > baseIndent) {
        body.push(l.slice(Math.min(indent, contentIndent)))
      } else break
      sawBlank = false
      i++
    }
    while (body.length > 0 && body[body.length - 1] === '') {
      body.pop()
      const next = i < lines.length ? ITEM.exec(lines[i]!) : null
      if (next && next[1]!.length === baseIndent && /\d/.test(next[2]!) === ordered) tight = false
    }
    if (body.slice(1).some((l) => l === '')) tight = false
    items.push(parseBlocks(body, ctx))
  }
  emit({ type: 'list', ordered, start: ordered ? Number.parseInt(first[2]!, 10) : 1, tight, items })
  return i
}

/**
 * Parses a Markdown document: its blocks (each top-level one with its source text) and its
 * headings with their ids, for an outline.
 *
 * @example
 * parseMarkdown('# Title\n\nSome *text*.').headings // [{ level: 1, id: 'title', text: 'Title' }]
 */
export function parseMarkdown(text: string): MarkdownDocument {
  const ctx: Context = { slugs: new Map(), headings: [] }
  const lines = text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n')
  const sources: string[] = []
  const blocks = parseBlocks(lines, ctx, sources).map((b, i) => ({ ...b, source: sources[i]! }))
  return { blocks, headings: ctx.headings }
}
