/** A small POSIX sh highlighter: comments, quotes, expansions, keywords, operators. */
import { type Token, pushToken, variableLength } from './tokens'

const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'case',
  'esac',
  'for',
  'while',
  'until',
  'do',
  'done',
  'in',
  'function',
  'return',
  'exit',
  'exec',
  'export',
  'local',
  'set',
  'unset',
  'shift',
  'trap',
  'wait',
  'cd',
  'echo',
  'printf',
  'test',
  'true',
  'false',
  'readonly',
  'eval',
])

const WORD_BREAK = /[\s;&|<>()'"`$#{}]/

/**
 * Tokens of a shell script.
 *
 * @example highlightSh('echo "$HOME" # where') // plain/keyword/string/variable/…/comment
 */
export function highlightSh(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  let commandPosition = true
  while (i < text.length) {
    const c = text[i] as string
    if (c === '\n' || c === ';' || c === '|' || c === '&' || c === '(' || c === ')') {
      pushToken(tokens, c === '\n' ? 'plain' : 'operator', c)
      commandPosition = true
      i++
      continue
    }
    if (c === ' ' || c === '\t') {
      pushToken(tokens, 'plain', c)
      i++
      continue
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) {
      const end = text.indexOf('\n', i)
      const stop = end === -1 ? text.length : end
      pushToken(tokens, 'comment', text.slice(i, stop))
      i = stop
      continue
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1)
      const stop = end === -1 ? text.length : end + 1
      pushToken(tokens, 'string', text.slice(i, stop))
      i = stop
      commandPosition = false
      continue
    }
    if (c === '"') {
      i = doubleQuoted(text, i, tokens)
      commandPosition = false
      continue
    }
    const v = variableLength(text, i)
    if (v > 0) {
      pushToken(tokens, 'variable', text.slice(i, i + v))
      i += v
      commandPosition = false
      continue
    }
    if (c === '<' || c === '>') {
      pushToken(tokens, 'operator', c)
      i++
      continue
    }
    let j = i
    while (j < text.length && !WORD_BREAK.test(text[j] as string)) j++
    if (j === i) j = i + 1
    const word = text.slice(i, j)
    if (KEYWORDS.has(word)) pushToken(tokens, 'keyword', word)
    else if (/^[0-9]+$/.test(word)) pushToken(tokens, 'number', word)
    else if (commandPosition && !word.includes('=')) pushToken(tokens, 'command', word)
    else pushToken(tokens, 'plain', word)
    commandPosition = KEYWORDS.has(word) && word !== 'in' && word !== 'exit' && word !== 'return'
    i = j
  }
  return tokens
}

function doubleQuoted(text: string, start: number, tokens: Token[]): number {
  pushToken(tokens, 'string', '"')
  let i = start + 1
  while (i < text.length) {
    const c = text[i]
    if (c === '\\' && i + 1 < text.length) {
      pushToken(tokens, 'string', text.slice(i, i + 2))
      i += 2
      continue
    }
    if (c === '"') {
      pushToken(tokens, 'string', '"')
      return i + 1
    }
    const v = variableLength(text, i)
    if (v > 0) {
      pushToken(tokens, 'variable', text.slice(i, i + v))
      i += v
      continue
    }
    pushToken(tokens, 'string', c as string)
    i++
  }
  return i
}
