/** Small Markdown builders for the rendered README; all text from the graph goes through them. */
import { oneLine } from '../context'

/** Text safe in a Markdown paragraph or list item: one line, no HTML, no stray emphasis. */
export function text(value: unknown): string {
  const s = oneLine(value)
  if (PLAIN.test(s)) return s.trim()
  return s
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .trim()
}

/** Text that needs no escaping in Markdown. */
const PLAIN = /^[A-Za-z0-9 .,:;'"?!()/=+%@#-]*$/

/** Inline code that survives backticks inside (CommonMark: a longer fence, padded). */
export function code(value: unknown): string {
  const s = oneLine(value)
  if (!s.includes('`') && s !== '') return `\`${s}\``
  const runs = s.match(/`+/g) ?? []
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1)
  const pad = s.startsWith('`') || s.endsWith('`') || s === '' ? ' ' : ''
  return `${fence}${pad}${s}${pad}${fence}`
}

/** Inline code inside a table cell: `|` escaped too. */
export function cellCode(value: unknown): string {
  return code(value).replace(/\|/g, '\\|')
}

/** A fenced code block; the fence is longer than any backtick run inside. */
export function block(language: string, body: readonly string[]): string[] {
  const runs = body.join('\n').match(/`{3,}/g) ?? []
  const fence = '`'.repeat(Math.max(3, ...runs.map((r) => r.length + 1)))
  return [`${fence}${language}`, ...body, fence]
}

/** A Markdown table; cells are used as given (escape them with `text`/`cellCode`). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ]
}

/** The first sentence of a description (up to the first `. `), for one-line summaries. */
export function firstSentence(value: string | undefined): string {
  if (!value) return ''
  const s = oneLine(value).trim()
  const i = s.search(/\.\s/)
  return i < 0 ? s : s.slice(0, i + 1)
}

/** Milliseconds as people read them: `500 ms`, `5 s`, `1.5 s`. */
export function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  const s = ms / 1000
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`
}

/** `a`, `a and b`, `a, b and c`. */
export function listing(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`
}

/**
 * Whether a service name can stand in a README command as it is: a name that a shell would
 * split or expand (a blank, `$`, a quote; only warned by validation) is never used as an
 * example, so no pasted command runs what a name holds.
 */
export function plainInShell(name: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(name)
}
