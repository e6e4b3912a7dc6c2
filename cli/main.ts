import type { Command, CommandContext } from './command'
import { UsageError } from './command'
import { exportCommand } from './commands/export'
import { importCommand } from './commands/import'
import { lintCommand } from './commands/lint'
import { planCommand } from './commands/plan'
import { shareCommands } from './commands/share'

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
    'Run s6-designer <command> --help for its options.',
    '',
  ].join('\n')
}

/** Runs the CLI; returns the exit code (0 ok, 1 findings, 2 usage or I/O problems). */
export async function main(
  argv: string[],
  io: Partial<Omit<CommandContext, 'args'>> = {},
): Promise<number> {
  const stdout = io.stdout ?? ((t: string) => void process.stdout.write(t))
  const stderr = io.stderr ?? ((t: string) => void process.stderr.write(t))
  const cwd = io.cwd ?? process.cwd()
  const [name, ...args] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    stdout(help())
    return name ? 0 : 2
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    stderr(`s6-designer: unknown command "${name}"\n\n${help()}`)
    return 2
  }
  if (args.includes('--help') || args.includes('-h')) {
    stdout(`${command.usage}\n`)
    return 0
  }
  try {
    return await command.run({ args, stdout, stderr, cwd })
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
