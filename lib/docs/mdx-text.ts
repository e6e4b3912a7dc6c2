/**
 * Plain text out of the guide's MDX sources, without an MDX compiler: good enough for headings,
 * the table of contents and the search index, because the guide sticks to a small dialect
 * (ATX headings, fenced code, one-line `import`/`export`, JSX components on their own lines).
 */
import GithubSlugger from 'github-slugger'

/** A heading of an MDX page, with the id rehype-slug gives it. */
export interface Heading {
  depth: number
  text: string
  id: string
}

/** A heading and the plain text under it, up to the next heading. */
export interface Section {
  /** Undefined for the text before the first heading. */
  heading?: Heading
  text: string
}

const FENCE = /^\s*(```|~~~)/
const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/
const ESM = /^(import|export)\s/

/**
 * Inline markdown to the text a reader sees: code spans keep their content, links keep their
 * label, emphasis markers and HTML/JSX tags go. Matches hast-util-to-string on the rendered
 * heading for the inline syntax the guide uses.
 */
export function inlineText(markdown: string): string {
  const parts = markdown.split(/(`+[^`]*`+)/)
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part.replace(/^`+\s?|\s?`+$/g, '')
      return part
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/<\/?[A-Za-z][^>]*>/g, '')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,:;!?]|$)/g, '$1$2')
        .replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, '$1')
    })
    .join('')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, ' ')
}

export interface Line {
  text: string
  code: boolean
  /** 1-based line in the MDX source. */
  line: number
}

/** Source lines with ESM lines dropped and fenced code marked (fence lines themselves dropped). */
export function contentLines(source: string): Line[] {
  const lines: Line[] = []
  let fence: string | undefined
  source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, i) => {
      const f = FENCE.exec(raw)
      if (fence === undefined && f) {
        fence = f[1]
        return
      }
      if (fence !== undefined) {
        if (f && f[1] === fence && raw.trim() === fence) fence = undefined
        else lines.push({ text: raw, code: true, line: i + 1 })
        return
      }
      if (!ESM.test(raw)) lines.push({ text: raw, code: false, line: i + 1 })
    })
  return lines
}

/**
 * Every heading of an MDX source in order, with the same ids rehype-slug assigns (one
 * github-slugger per page, so repeated titles get `-1`, `-2`…).
 *
 * @example extractHeadings('## Run `s6-rc`').at(0) // { depth: 2, text: 'Run s6-rc', id: 'run-s6-rc' }
 */
export function extractHeadings(source: string): Heading[] {
  const slugger = new GithubSlugger()
  const headings: Heading[] = []
  for (const line of contentLines(source)) {
    if (line.code) continue
    const m = HEADING.exec(line.text)
    if (!m?.[1] || !m[2]) continue
    const text = inlineText(m[2]).trim()
    headings.push({ depth: m[1].length, text, id: slugger.slug(text) })
  }
  return headings
}

/** A line of prose as plain text: JSX tags and list/quote markers removed. */
function proseText(line: string): string {
  const trimmed = line.trim()
  if (/^<[A-Za-z][^>]*\/>$/.test(trimmed)) return ''
  if (/^\|?\s*:?-{3,}/.test(trimmed)) return ''
  return inlineText(
    trimmed
      .replace(/^>\s?/, '')
      .replace(/^([-*+]|\d+\.)\s+/, '')
      .replace(/<br\s*\/?>/g, ' ')
      .replace(/\\\|/g, '\u0000')
      .replace(/\|/g, ' ')
      .replace(/\u0000/g, '|'),
  ).trim()
}

/**
 * The page split at its headings into plain text, code included (commands are worth finding).
 */
export function mdxSections(source: string): Section[] {
  const headings = extractHeadings(source)
  const sections: Section[] = [{ text: '' }]
  const chunks: string[][] = [[]]
  let next = 0
  for (const line of contentLines(source)) {
    if (!line.code && HEADING.test(line.text)) {
      const heading = headings[next++]
      sections.push(heading ? { heading, text: '' } : { text: '' })
      chunks.push([])
      continue
    }
    const text = line.code ? line.text.trim() : proseText(line.text)
    if (text) chunks[chunks.length - 1]?.push(text)
  }
  return sections
    .map((s, i) => ({ ...s, text: (chunks[i] ?? []).join(' ').replace(/\s+/g, ' ').trim() }))
    .filter((s) => s.heading !== undefined || s.text !== '')
}
