/** Runs the CLI in-process and captures what it prints. */
import { main } from '@/cli/main'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export async function runCli(argv: string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd,
  })
  return { code, stdout, stderr }
}
