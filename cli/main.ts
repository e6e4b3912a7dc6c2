import { readFile } from 'node:fs/promises'
import type { Command, CommandContext } from './command'
import { UsageError } from './command'
import { exportCommand } from './commands/export'
import { importCommand } from './commands/import'
import { lintCommand } from './commands/lint'
import { planCommand } from './commands/plan'
import { shareCommands } from './commands/share'
import { setStdin } from './fs'
import type { StdinReader } from './fs'

export const COMMANDS: Command[] = [
  lintCommand,
  importCommand,
  planCommand,
  exportCommand,
  ...shareCommands,
]

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    'Usage: s6-designer <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run s6-designer help <command> (or <command> --help) for its options,',
    's6-designer --version for the version.',
    '',
  ].join('\n')
}

/** The version in package.json (the CLI runs from its checkout, so the file is there). */
async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: unknown
  }
  return String(pkg.version)
}

/** Control characters a terminal would act on (all but tab and line feed). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/**
 * Text as the terminal should show it: a control character from a name or a file (an escape
 * sequence that recolours, clears or retitles the terminal, a carriage return that hides a
 * line) is printed as its JSON escape, `\u001b`. JSON output has them escaped already.
 */
export function visible(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Set when standard output failed for another reason than its reader going away. */
let stdoutFailed = false
let stdoutWriter: ((text: string) => void) | undefined

/**
 * Writes to the process's standard output, and goes quiet once its reader has gone
 * (`s6-designer plan x.json | head -1`): EPIPE is no error worth a stack trace, so the rest of
 * the output is dropped and the command ends with its own exit status. Any other write error
 * is said once on stderr and makes the exit status 2.
 */
function processStdout(): (text: string) => void {
  if (stdoutWriter) return stdoutWriter
  let closed = false
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (closed) return
    closed = true
    if (error.code === 'EPIPE') return
    stdoutFailed = true
    process.exitCode = 2
    process.stderr.write(
      `s6-designer: cannot write to standard output (${error.code ?? error.message})\n`,
    )
  })
  stdoutWriter = (text) => {
    if (!closed) process.stdout.write(text)
  }
  return stdoutWriter
}

/**
 * Runs the CLI; returns the exit code (0 ok, 1 findings, 2 usage or I/O problems). `io.stdin`
 * is what a `-` argument reads (the process's standard input when not given).
 */
export async function main(
  argv: string[],
  io: Partial<Omit<CommandContext, 'args'>> & { stdin?: StdinReader } = {},
): Promise<number> {
  const out = io.stdout ?? processStdout()
  const err = io.stderr ?? ((t: string) => void process.stderr.write(t))
  const stdout = (t: string) => out(visible(t))
  const stderr = (t: string) => err(visible(t))
  const cwd = io.cwd ?? process.cwd()
  const env = io.env ?? process.env
  setStdin(io.stdin)
  const [name, ...args] = argv
  if (name === '--version' || name === '-V') {
    stdout(`s6-designer ${await version()}\n`)
    return 0
  }
  const asked = name === 'help' ? args[0] : undefined
  // Help asked for goes to stdout (exit 0); usage printed because of a mistake, to stderr (exit 2).
  if (!name) {
    stderr(`s6-designer: no command given\n\n${help()}`)
    return 2
  }
  if ((name === 'help' || name === '--help' || name === '-h') && asked === undefined) {
    stdout(help())
    return 0
  }
  const command = COMMANDS.find((c) => c.name === (asked ?? name))
  if (!command) {
    stderr(`s6-designer: unknown command "${asked ?? name}"\n\n${help()}`)
    return 2
  }
  if (asked !== undefined || args.includes('--help') || args.includes('-h')) {
    stdout(`${command.usage}\n`)
    return 0
  }
  try {
    const code = await command.run({ args, stdout, stderr, cwd, env })
    return stdoutFailed ? 2 : code
  } catch (error) {
    if (error instanceof UsageError) {
      stderr(`s6-designer ${name}: ${error.message}\n${command.usage}\n`)
      return 2
    }
    const message = error instanceof Error ? error.message : String(error)
    stderr(`s6-designer ${name}: ${message}\n`)
    return 2
  }
}
