/**
 * Just enough of execlineb's lexer to read an s6-rc `up`/`down` file the way s6-rc-compile
 * does: words, `#` comments, quotes, and `{ }` blocks, so unmatched braces are caught and a
 * one-line call to a script can be recognised (execline `doc/execlineb.html`).
 */

export type LexResult = { ok: true; words: string[] } | { ok: false; error: string }

const SPACE = new Set([' ', '\t', '\n', '\r', '\v', '\f'])

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
}

/**
 * Splits execline text into words. `#` at the start of a word comments out the rest of the
 * line; `{` and `}` standing alone are block delimiters and must balance.
 *
 * @example
 * lexExecline('# check\nwith-contenv /etc/s6-overlay/scripts/x\n')
 * // { ok: true, words: ['with-contenv', '/etc/s6-overlay/scripts/x'] }
 */
export function lexExecline(text: string): LexResult {
  const words: string[] = []
  let depth = 0
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text[i] as string
    if (SPACE.has(c)) {
      i++
      continue
    }
    if (c === '#') {
      while (i < n && text[i] !== '\n') i++
      continue
    }
    let word = ''
    let quotedPart = false
    while (i < n && !SPACE.has(text[i] as string)) {
      const ch = text[i] as string
      if (ch === '"') {
        quotedPart = true
        i++
        let closed = false
        while (i < n) {
          const q = text[i] as string
          if (q === '"') {
            closed = true
            i++
            break
          }
          if (q === '\\' && i + 1 < n) {
            const next = text[i + 1] as string
            if (next !== '\n') word += ESCAPES[next] ?? next
            i += 2
            continue
          }
          word += q
          i++
        }
        if (!closed) return { ok: false, error: 'unterminated double quote' }
        continue
      }
      if (ch === '\\' && i + 1 < n) {
        word += text[i + 1]
        i += 2
        continue
      }
      word += ch
      i++
    }
    if (!quotedPart && word === '{') depth++
    else if (!quotedPart && word === '}') {
      if (depth === 0) return { ok: false, error: 'unmatched }' }
      depth--
    }
    words.push(word)
  }
  if (depth > 0) return { ok: false, error: 'unmatched {' }
  return { ok: true, words }
}
