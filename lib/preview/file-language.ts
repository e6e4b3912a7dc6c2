/**
 * Which highlighter a file of the export gets, its tokens split into lines for a viewer with
 * line numbers, and a one-line note on what the file is for s6.
 */
import { highlightDockerfile } from '../highlight/dockerfile'
import { highlightExecline } from '../highlight/execline'
import { highlightMarkdown } from '../highlight/markdown'
import { highlightSh } from '../highlight/sh'
import type { Token } from '../highlight/tokens'

export type FileLanguage = 'sh' | 'execline' | 'dockerfile' | 'markdown' | 'plain'

const LABELS: Record<FileLanguage, string> = {
  sh: 'sh',
  execline: 'execline',
  dockerfile: 'Dockerfile',
  markdown: 'Markdown',
  plain: 'text',
}

/** A short name of the language, for the viewer's header. */
export function languageLabel(language: FileLanguage): string {
  return LABELS[language]
}

/**
 * The language of a file: from its name (Dockerfile, *.md, *.sh), its shebang, or its role
 * (a oneshot's `up` and `down` are one execline command line).
 */
export function fileLanguage(path: string, contents: string): FileLanguage {
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (name === 'Dockerfile' || name.endsWith('.Dockerfile')) return 'dockerfile'
  if (name.endsWith('.md')) return 'markdown'
  const shebang = contents.startsWith('#!') ? contents.slice(0, contents.indexOf('\n') >>> 0) : ''
  if (/execlineb/.test(shebang)) return 'execline'
  if (/\b(sh|bash|dash|ash)\b/.test(shebang) || name.endsWith('.sh')) return 'sh'
  if (/\/s6-rc\.d\/[^/]+\/(up|down)$/.test(path)) return 'execline'
  return 'plain'
}

/** Tokens of a text in a language ('plain' gives one plain token). */
export function highlight(language: FileLanguage, text: string): Token[] {
  switch (language) {
    case 'sh':
      return highlightSh(text)
    case 'execline':
      return highlightExecline(text)
    case 'dockerfile':
      return highlightDockerfile(text)
    case 'markdown':
      return highlightMarkdown(text)
    case 'plain':
      return text === '' ? [] : [{ type: 'plain', text }]
    default: {
      const never: never = language
      return never
    }
  }
}

/**
 * Tokens cut at line ends: one list per line, without the newlines. A text ending with a
 * newline has no empty last line (as `splitLines`).
 */
export function tokenLines(tokens: readonly Token[]): Token[][] {
  const lines: Token[][] = [[]]
  for (const t of tokens) {
    const parts = t.text.split('\n')
    parts.forEach((part, i) => {
      if (i > 0) lines.push([])
      if (part !== '') lines[lines.length - 1]!.push({ type: t.type, text: part })
    })
  }
  if (lines.length > 1 && lines[lines.length - 1]!.length === 0) lines.pop()
  if (lines.length === 1 && lines[0]!.length === 0) return []
  return lines
}

const NOTES: [RegExp, string][] = [
  [
    /\/dependencies\.d\/([^/]+)$/,
    'Empty marker: this service starts after $1 and stops before it.',
  ],
  [/\/contents\.d\/([^/]+)$/, 'Empty marker: $1 is a member of this bundle.'],
  [/\/env\/([^/]+)$/, 'The value of $1 for this service (read by s6-envdir).'],
  [/\/s6-rc\.d\/[^/]+\/type$/, 'The kind of service: oneshot, longrun or bundle.'],
  [
    /\/s6-rc\.d\/[^/]+\/run$/,
    'The supervised process: s6-supervise runs it and restarts it when it exits.',
  ],
  [/\/s6-rc\.d\/[^/]+\/finish$/, 'Runs after each exit of run, with its exit code and signal.'],
  [/\/s6-rc\.d\/[^/]+\/up$/, 'One execline command line run at start; it calls the script.'],
  [/\/s6-rc\.d\/[^/]+\/down$/, 'One execline command line run at stop.'],
  [/\/timeout-up$/, 'Milliseconds the start may take before it counts as failed.'],
  [/\/timeout-down$/, 'Milliseconds the stop may take before s6-rc gives up on it.'],
  [/\/timeout-kill$/, 'Milliseconds after the stop signal before SIGKILL.'],
  [/\/timeout-finish$/, 'Milliseconds finish may run before it is killed.'],
  [/\/down-signal$/, 'The signal that asks the process to stop.'],
  [/\/notification-fd$/, 'The fd the daemon writes a newline to when it is ready.'],
  [/\/producer-for$/, 'The logger that reads this service’s output.'],
  [/\/consumer-for$/, 'The services whose output this logger reads.'],
  [/\/pipeline-name$/, 'A bundle holding the whole logging pipeline.'],
  [/\/data\/check$/, 'The readiness check s6-notifyoncheck runs.'],
  [/\/etc\/s6-overlay\/scripts\/[^/]+$/, 'A script a oneshot’s up (or down) line runs.'],
  [/(^|\/)Dockerfile$/, 'The s6-overlay stage: installs s6-overlay and copies rootfs/ to /.'],
  [/(^|\/)build\.sh$/, 'Builds the stage from the repository root.'],
  [/(^|\/)README\.md$/, 'How to build, run and debug the image.'],
  [/(^|\/)s6-designer\.json$/, 'The design itself: open it in s6 Designer to change the export.'],
  [/(^|\/)\.gitattributes$/, 'Keeps LF line endings on Windows checkouts.'],
]

/** What a file of the export is for, in one sentence; undefined when there is nothing to say. */
export function fileNote(path: string): string | undefined {
  for (const [pattern, note] of NOTES) {
    const m = pattern.exec(path)
    if (m) return note.replace('$1', m[1] ?? '')
  }
  return undefined
}
