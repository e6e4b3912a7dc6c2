/**
 * Inline Markdown for the Docs preview: code spans, bold, italics, links and backslash escapes,
 * as plain data. Links keep only http(s) and in-page (#) targets; anything else stays text.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }

const PUNCT = /[!-/:-@[-`{-~]/

/** Whether `href` may become a link: http(s) or a fragment in this page. */
export function safeHref(href: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(href) || /^#[^\s]*$/.test(href)
}

/** Parses inline Markdown into nodes. */
const ENTITY = /^&(lt|gt|amp|quot|apos|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});/
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** The character an entity's name stands for (`lt`, `#60`, `#x3C`); none for a bad number. */
function entity(name: string): string | undefined {
  if (!name.startsWith('#')) return NAMED[name]
  const code = /^#[xX]/.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    ? String.fromCodePoint(code)
    : undefined
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = []
  let buffer = ''
  const flush = () => {
    if (buffer !== '') out.push({ type: 'text', text: buffer })
    buffer = ''
  }
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '\\' && i + 1 < text.length && PUNCT.test(text[i + 1]!)) {
      buffer += text[i + 1]
      i += 2
      continue
    }
    if (ch === '&') {
      // An entity, as GitHub shows it: the README writes < and > in text as &lt; and &gt;.
      const m = ENTITY.exec(text.slice(i, i + 12))
      const decoded = m ? entity(m[1] as string) : undefined
      if (m && decoded !== undefined) {
        buffer += decoded
        i += m[0].length
        continue
      }
    }
    if (ch === '`') {
      let n = 1
      while (text[i + n] === '`') n++
      const fence = '`'.repeat(n)
      let close = text.indexOf(fence, i + n)
      while (close >= 0 && text[close + n] === '`') close = text.indexOf(fence, close + n + 1)
      if (close >= 0) {
        flush()
        let code = text.slice(i + n, close).replace(/\n/g, ' ')
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ')) code = code.slice(1, -1)
        out.push({ type: 'code', text: code })
        i = close + n
        continue
      }
      buffer += fence
      i += n
      continue
    }
    if (ch === '[') {
      const link = readLink(text, i)
      if (link) {
        flush()
        const children = parseInline(link.label)
        if (safeHref(link.href)) out.push({ type: 'link', href: link.href, children })
        else out.push(...children)
        i = link.end
        continue
      }
    }
    if (ch === '<') {
      const m = /^<(https?:\/\/[^\s<>]+)>/i.exec(text.slice(i))
      if (m) {
        flush()
        out.push({ type: 'link', href: m[1]!, children: [{ type: 'text', text: m[1]! }] })
        i += m[0].length
        continue
      }
    }
    if (ch === '*') {
      const strong = text.startsWith('**', i)
      const mark = strong ? '**' : '*'
      const after = text[i + mark.length]
      if (after !== undefined && !/\s/.test(after)) {
        const close = findClose(text, i + mark.length, mark)
        if (close > i + mark.length) {
          flush()
          const children = parseInline(text.slice(i + mark.length, close))
          out.push(strong ? { type: 'strong', children } : { type: 'em', children })
          i = close + mark.length
          continue
        }
      }
    }
    buffer += ch
    i++
  }
  flush()
  return out
}

/** The closing `mark` after `from`: not preceded by a blank, outside code spans. */
function findClose(text: string, from: number, mark: string): number {
  for (let j = from; j < text.length; j++) {
    const ch = text[j]!
    if (ch === '\\') {
      j++
      continue
    }
    if (ch === '`') {
      const end = text.indexOf('`', j + 1)
      if (end < 0) return -1
      j = end
      continue
    }
    if (text.startsWith(mark, j) && !/\s/.test(text[j - 1] ?? ' ')) {
      // A single * must not be the first half of a ** (and the reverse).
      if (mark === '*' && text[j + 1] === '*') {
        j++
        continue
      }
      return j
    }
  }
  return -1
}

function readLink(
  text: string,
  at: number,
): { label: string; href: string; end: number } | undefined {
  let depth = 0
  let j = at
  for (; j < text.length; j++) {
    const ch = text[j]
    if (ch === '\\') j++
    else if (ch === '[') depth++
    else if (ch === ']' && --depth === 0) break
  }
  if (j >= text.length || text[j + 1] !== '(') return undefined
  // The target ends at the `)` that balances its `(`, as in CommonMark.
  let close = -1
  for (let k = j + 2, open = 0; k < text.length && close < 0; k++) {
    if (text[k] === '\\') k++
    else if (text[k] === '(') open++
    else if (text[k] === ')') {
      if (open === 0) close = k
      else open--
    }
  }
  if (close < 0) return undefined
  const target = text.slice(j + 2, close).trim()
  const href = target.split(/\s+/)[0] ?? ''
  return { label: text.slice(at + 1, j), href: href.replace(/^<|>$/g, ''), end: close + 1 }
}

/** Plain text of inline nodes (for heading slugs and the outline). */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((n) => ('children' in n ? inlineText(n.children) : n.text)).join('')
}
