/**
 * A small Dockerfile highlighter: instructions, comments and parser directives, quoted strings,
 * `$VAR`/`${VAR}` expansions, `--flag` options and line continuations. Shell text after `RUN`
 * and friends is not parsed as shell; this is for reading an exported stage, not for editing.
 */
import { type Token, pushToken, variableLength } from './tokens'

const INSTRUCTIONS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
])

/** Tokens of one line's body (after the instruction, or a continuation line). */
function body(tokens: Token[], line: string, start: number, instruction = ''): void {
  let i = start
  while (i < line.length) {
    const ch = line[i]!
    if (ch === '"' || ch === "'") {
      let j = i + 1
      while (j < line.length && line[j] !== ch) j += line[j] === '\\' && ch === '"' ? 2 : 1
      pushToken(tokens, 'string', line.slice(i, Math.min(j + 1, line.length)))
      i = j + 1
      continue
    }
    const v = variableLength(line, i)
    if (v > 0) {
      pushToken(tokens, 'variable', line.slice(i, i + v))
      i += v
      continue
    }
    if (
      ch === '-' &&
      line[i + 1] === '-' &&
      (i === 0 || /\s/.test(line[i - 1]!)) &&
      /[a-z]/.test(line[i + 2] ?? '')
    ) {
      const m = /^--[a-z][a-z0-9-]*/.exec(line.slice(i))!
      pushToken(tokens, 'operator', m[0])
      i += m[0].length
      continue
    }
    if (ch === '\\' && line.slice(i + 1).trim() === '') {
      pushToken(tokens, 'operator', line.slice(i))
      return
    }
    if (/\s/.test(ch) || /[&|;<>()]/.test(ch)) {
      pushToken(tokens, /\s/.test(ch) ? 'plain' : 'operator', ch)
      i++
      continue
    }
    if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      // A comment inside shell text after RUN (the shell drops it).
      pushToken(tokens, 'comment', line.slice(i))
      return
    }
    const m = /^[^\s"'$&|;<>()\\#]+|^./.exec(line.slice(i))!
    const type =
      instruction === 'FROM' && /^as$/i.test(m[0])
        ? 'keyword'
        : /^\d+$/.test(m[0])
          ? 'number'
          : 'plain'
    pushToken(tokens, type, m[0])
    i += m[0].length
  }
}

/**
 * Splits a Dockerfile into tokens whose texts, joined, give back the input exactly.
 *
 * @example
 * highlightDockerfile('FROM debian AS base')[0] // { type: 'keyword', text: 'FROM' }
 */
export function highlightDockerfile(text: string): Token[] {
  const tokens: Token[] = []
  const lines = text.split('\n')
  let continued = false
  lines.forEach((line, index) => {
    if (index > 0) pushToken(tokens, 'plain', '\n')
    const trimmed = line.trimStart()
    const indent = line.slice(0, line.length - trimmed.length)
    pushToken(tokens, 'plain', indent)
    if (trimmed.startsWith('#')) {
      // Comments (and `# syntax=` directives) are whole lines; they do not end a continuation.
      pushToken(tokens, 'comment', trimmed)
      return
    }
    if (!continued) {
      const m = /^[A-Za-z]+/.exec(trimmed)
      if (m && INSTRUCTIONS.has(m[0].toUpperCase())) {
        pushToken(tokens, 'keyword', m[0])
        body(tokens, line, indent.length + m[0].length, m[0].toUpperCase())
        continued = /\\\s*$/.test(line)
        return
      }
    }
    body(tokens, line, indent.length)
    continued = /\\\s*$/.test(line)
  })
  return tokens
}
