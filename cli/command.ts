/** What a CLI command gets: its arguments and where to write. Exit codes: 0 ok, 1 findings, 2 usage or I/O. */
export interface CommandContext {
  args: string[]
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
  /** The environment (process.env, or what a test gives). */
  env: Readonly<Record<string, string | undefined>>
}

export interface Command {
  name: string
  /** One line for `s6-designer help`. */
  summary: string
  /** Usage line(s), printed on `--help` and on usage errors. */
  usage: string
  run: (ctx: CommandContext) => Promise<number>
}

/** A usage problem: printed with the command's usage, exit 2. */
export class UsageError extends Error {}
