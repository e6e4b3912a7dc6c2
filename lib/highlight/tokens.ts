/**
 * Token types shared by the small script highlighters. A highlighter turns text into tokens
 * whose texts, joined, give back the input exactly (the editor overlays them on a textarea).
 */
export type TokenType =
  | 'plain'
  | 'comment'
  | 'string'
  | 'variable'
  | 'keyword'
  | 'command'
  | 'operator'
  | 'number'
  | 'brace'

export interface Token {
  type: TokenType
  text: string
}

/** Appends a token, merging it into the previous one when both are of the same type. */
export function pushToken(tokens: Token[], type: TokenType, text: string): void {
  if (text === '') return
  const last = tokens[tokens.length - 1]
  if (last && last.type === type) last.text += text
  else tokens.push({ type, text })
}

/** Length of a `$NAME`, `${…}`, `$1`, `$@`-style expansion at `i`, or 0. */
export function variableLength(text: string, i: number): number {
  if (text[i] !== '$') return 0
  const next = text[i + 1]
  if (next === '{') {
    const end = text.indexOf('}', i + 2)
    return end === -1 ? text.length - i : end - i + 1
  }
  if (next === '(') return 0
  const m = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(text.slice(i, i + 64))
  return m ? m[0].length : 0
}
