/** A small execline highlighter: comments, blocks, quotes, substitutions, known programs. */
import { type Token, pushToken, variableLength } from './tokens'

/** execline, s6 and s6-overlay programs people chain in run scripts. */
const PROGRAMS = new Set([
  'background',
  'backtick',
  'cd',
  'define',
  'elglob',
  'emptyenv',
  'envfile',
  'exec',
  'execlineb',
  'export',
  'fdclose',
  'fdmove',
  'fdreserve',
  'fdswap',
  'forbacktickx',
  'foreground',
  'forx',
  'getcwd',
  'getpid',
  'heredoc',
  'if',
  'ifelse',
  'ifte',
  'ifthenelse',
  'importas',
  'loopwhilex',
  'multidefine',
  'multisubstitute',
  'pipeline',
  'piperw',
  'redirfd',
  'runblock',
  'shift',
  'trap',
  'tryexec',
  'umask',
  'unexport',
  'wait',
  'withstdinas',
  'with-contenv',
  's6-envdir',
  's6-envuidgid',
  's6-setuidgid',
  's6-applyuidgid',
  's6-notifyoncheck',
  's6-log',
  's6-svc',
  's6-svwait',
  's6-setsid',
  's6-softlimit',
  's6-echo',
  'logutil-service',
  'logutil-newfifo',
])

/**
 * Tokens of an execline script.
 *
 * @example highlightExecline('fdmove -c 2 1\nexec nginx') // command, …, number, …
 */
export function highlightExecline(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    if (/\s/.test(c)) {
      pushToken(tokens, 'plain', c)
      i++
      continue
    }
    if (c === '#') {
      const end = text.indexOf('\n', i)
      const stop = end === -1 ? text.length : end
      pushToken(tokens, 'comment', text.slice(i, stop))
      i = stop
      continue
    }
    if (c === '{' || c === '}') {
      pushToken(tokens, 'brace', c)
      i++
      continue
    }
    if (c === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      const stop = Math.min(j + 1, text.length)
      pushToken(tokens, 'string', text.slice(i, stop))
      i = stop
      continue
    }
    const v = variableLength(text, i)
    if (v > 0) {
      pushToken(tokens, 'variable', text.slice(i, i + v))
      i += v
      continue
    }
    let j = i
    while (j < text.length && !/[\s{}"$]/.test(text[j] as string)) j++
    if (j === i) j = i + 1
    const word = text.slice(i, j)
    if (PROGRAMS.has(word)) pushToken(tokens, 'command', word)
    else if (/^-?[0-9]+$/.test(word)) pushToken(tokens, 'number', word)
    else if (word.startsWith('-')) pushToken(tokens, 'keyword', word)
    else pushToken(tokens, 'plain', word)
    i = j
  }
  return tokens
}
