/**
 * The docs search: an index built once at build time (served as a static JSON file) and a
 * small scorer the browser runs over it. No server, no dependency.
 */
import { mdxSections } from './mdx-text'

/** One searchable unit: a page's intro or one of its sections. */
export interface SearchEntry {
  /** Page URL plus `#anchor` for a section. */
  href: string
  /** Page title. */
  page: string
  /** Section heading, absent for a page's intro. */
  section?: string
  text: string
}

export interface SearchIndex {
  version: 1
  entries: SearchEntry[]
}

/** A page to index: its URL, title, description and MDX source (or plain text). */
export interface IndexSource {
  href: string
  title: string
  description: string
  source: string
}

/** Longest text kept per entry: enough for snippets and matching, small enough to load fast. */
const MAX_TEXT = 1500

/**
 * Splits every page at its h2/h3 headings into entries. Deeper headings stay in their parent's
 * text.
 *
 * @example buildSearchIndex([{ href: '/docs/a/', title: 'A', description: 'd', source: '## B\nx' }])
 */
export function buildSearchIndex(pages: readonly IndexSource[]): SearchIndex {
  const entries: SearchEntry[] = []
  for (const page of pages) {
    const sections = mdxSections(page.source)
    let current: SearchEntry = { href: page.href, page: page.title, text: page.description }
    const flush = () => {
      current.text = current.text.trim().slice(0, MAX_TEXT)
      entries.push(current)
    }
    for (const s of sections) {
      if (s.heading && s.heading.depth <= 3) {
        flush()
        current = {
          href: `${page.href}#${s.heading.id}`,
          page: page.title,
          section: s.heading.text,
          text: '',
        }
      } else if (s.heading) {
        current.text += ` ${s.heading.text}`
      }
      current.text += ` ${s.text}`
    }
    flush()
  }
  return { version: 1, entries }
}

export interface SearchHit {
  entry: SearchEntry
  score: number
  /** A short excerpt around the first match in the text. */
  snippet: string
}

/** Lower-case words of at least one letter or digit; dashes and dots stay inside words. */
export function searchTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^\p{L}\p{N}_.\-/]+/u)
    .map((t) => t.replace(/^[.\-/]+|[.\-/]+$/g, ''))
    .filter((t) => t.length > 0)
}

function snippetAround(text: string, term: string, width = 140): string {
  const at = text.toLowerCase().indexOf(term)
  if (at < 0) return text.slice(0, width) + (text.length > width ? '…' : '')
  const start = Math.max(0, at - 40)
  const end = Math.min(text.length, start + width)
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`
}

/**
 * Entries that contain every term (in the title, heading or text), best first. Title and
 * heading matches weigh more than body matches; a word-start match more than a substring.
 */
export function searchDocs(index: SearchIndex, query: string, limit = 8): SearchHit[] {
  const terms = searchTerms(query)
  if (terms.length === 0) return []
  const hits: SearchHit[] = []
  for (const entry of index.entries) {
    const page = entry.page.toLowerCase()
    const section = (entry.section ?? '').toLowerCase()
    const text = entry.text.toLowerCase()
    let score = 0
    let all = true
    for (const term of terms) {
      const wordStart = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(term)}`, 'u')
      let s = 0
      if (section.includes(term)) s += wordStart.test(section) ? 12 : 6
      if (page.includes(term)) s += wordStart.test(page) ? (entry.section ? 4 : 10) : 3
      if (text.includes(term))
        s += (wordStart.test(text) ? 2 : 1) + Math.min(occurrences(text, term), 6) / 2
      if (s === 0) {
        all = false
        break
      }
      score += s
    }
    if (!all) continue
    // The query names a page (its title, or the start of it): that page comes first, before its
    // own sections and the other pages' that are named after the same thing.
    const query = terms.join(' ')
    if (!entry.section && (page === query || page.startsWith(`${query} `)))
      score += page === query ? 20 : 14
    const first = terms.find((t) => text.includes(t)) ?? terms[0] ?? ''
    hits.push({ entry, score, snippet: snippetAround(entry.text, first) })
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit)
}

/** The words of every entry, with how often each occurs (built once per index). */
const vocabularies = new WeakMap<SearchIndex, Map<string, number>>()

function vocabulary(index: SearchIndex): Map<string, number> {
  let words = vocabularies.get(index)
  if (words) return words
  words = new Map()
  for (const e of index.entries)
    for (const w of searchTerms(`${e.page} ${e.section ?? ''} ${e.text}`))
      words.set(w, (words.get(w) ?? 0) + 1)
  vocabularies.set(index, words)
  return words
}

/** Edit distance (insert, delete, substitute, swap two neighbours), or more than `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let before: number[] = []
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1)
      next.push(d)
      best = Math.min(best, d)
    }
    if (best > max) return max + 1
    before = row
    row = next
  }
  return row[b.length]!
}

/** Typos allowed in a word: none under 4 letters, one up to 7, two from 8. */
const typosAllowed = (word: string) => (word.length < 4 ? 0 : word.length < 8 ? 1 : 2)

/**
 * The query with each word the docs never use replaced by the closest one they do (the most
 * frequent on a tie), or undefined when no word needed and found a replacement.
 */
export function correctedQuery(index: SearchIndex, query: string): string | undefined {
  const words = vocabulary(index)
  let changed = false
  const terms = searchTerms(query).map((term) => {
    const max = typosAllowed(term)
    if (max === 0 || [...words.keys()].some((w) => w.includes(term))) return term
    let best: [string, number, number] | undefined
    for (const [word, count] of words) {
      const d = editDistance(term, word, max)
      if (d <= max && (!best || d < best[1] || (d === best[1] && count > best[2])))
        best = [word, d, count]
    }
    if (!best) return term
    changed = true
    return best[0]
  })
  return changed ? terms.join(' ') : undefined
}

/**
 * `searchDocs`, and when nothing matches, the same search with typos corrected
 * (`corrected` is then the query that was searched).
 */
export function searchDocsForgiving(
  index: SearchIndex,
  query: string,
  limit = 8,
): { hits: SearchHit[]; corrected?: string } {
  const hits = searchDocs(index, query, limit)
  if (hits.length > 0) return { hits }
  const corrected = correctedQuery(index, query)
  if (corrected === undefined) return { hits }
  const again = searchDocs(index, corrected, limit)
  return again.length > 0 ? { hits: again, corrected } : { hits }
}

function occurrences(text: string, term: string): number {
  let n = 0
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) n++
  return n
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A text cut into plain and matched parts: odd parts are occurrences of a term (any case). */
export function highlightParts(text: string, terms: readonly string[]): string[] {
  const wanted = terms.filter((t) => t.length > 0)
  if (wanted.length === 0) return [text]
  return text.split(new RegExp(`(${wanted.map(escapeRegExp).join('|')})`, 'gi'))
}
