/** Runs the CLI in-process and captures what it prints. */
import { main } from '@/cli/main'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/**
 * `stdin` is what a `-` argument reads (by default nothing: reading it then fails); `env` the
 * environment the command sees (by default none, whatever the test run's is).
 */
export async function runCli(
  argv: string[],
  cwd = process.cwd(),
  options: { stdin?: string | Uint8Array; env?: Record<string, string> } = {},
): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const input = options.stdin
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd,
    env: options.env ?? {},
    stdin: () =>
      input === undefined
        ? Promise.reject(new Error('no stdin in this test'))
        : Promise.resolve(typeof input === 'string' ? new TextEncoder().encode(input) : input),
  })
  return { code, stdout, stderr }
}
