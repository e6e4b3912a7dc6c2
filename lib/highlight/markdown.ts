/**
 * A small Markdown highlighter for reading the exported README as source: headings, fence lines,
 * inline code, emphasis markers, links, list markers, table pipes and block quotes. The inside
 * of a fenced block stays plain: it is a tree diagram or commands, read as they are.
 */
import { type Token, pushToken } from './tokens'

function inline(tokens: Token[], line: string): void {
  let i = 0
  while (i < line.length) {
    const rest = line.slice(i)
    const code = /^(`+)[^`]*?\1/.exec(rest)
    if (code) {
      pushToken(tokens, 'string', code[0])
      i += code[0].length
      continue
    }
    const link = /^\[[^\]]*\]\([^)\s]*\)/.exec(rest)
    if (link) {
      const close = link[0].indexOf('](')
      pushToken(tokens, 'plain', link[0].slice(0, close + 1))
      pushToken(tokens, 'variable', link[0].slice(close + 1))
      i += link[0].length
      continue
    }
    const strong = /^(\*\*|__)(?=\S)/.exec(rest)
    if (strong) {
      pushToken(tokens, 'keyword', strong[0])
      i += strong[0].length
      continue
    }
    if (rest[0] === '\\' && rest.length > 1) {
      pushToken(tokens, 'plain', rest.slice(0, 2))
      i += 2
      continue
    }
    if (rest[0] === '|') {
      pushToken(tokens, 'operator', '|')
      i++
      continue
    }
    pushToken(tokens, 'plain', rest[0]!)
    i++
  }
}

/**
 * Splits Markdown into tokens whose texts, joined, give back the input exactly.
 *
 * @example
 * highlightMarkdown('## Usage')[0] // { type: 'keyword', text: '## Usage' }
 */
export function highlightMarkdown(text: string): Token[] {
  const tokens: Token[] = []
  let fence: string | undefined
  text.split('\n').forEach((line, index) => {
    if (index > 0) pushToken(tokens, 'plain', '\n')
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (fence !== undefined) {
      if (opener && opener[1]![0] === fence[0] && opener[1]!.length >= fence.length) {
        pushToken(tokens, 'comment', line)
        fence = undefined
      } else pushToken(tokens, 'plain', line)
      return
    }
    if (opener) {
      fence = opener[1]!
      pushToken(tokens, 'comment', line)
      return
    }
    if (/^ {0,3}#{1,6}(\s|$)/.test(line)) {
      pushToken(tokens, 'keyword', line)
      return
    }
    const marker = /^(\s*)([-*+]|\d{1,9}[.)]|>)(\s)/.exec(line)
    if (marker) {
      pushToken(tokens, 'plain', marker[1]!)
      pushToken(tokens, 'operator', marker[2]!)
      pushToken(tokens, 'plain', marker[3]!)
      inline(tokens, line.slice(marker[0].length))
      return
    }
    if (/^\s*\|?\s*:?-{3,}/.test(line) && /^[\s|:-]+$/.test(line)) {
      pushToken(tokens, 'operator', line)
      return
    }
    inline(tokens, line)
  })
  return tokens
}
