/** Runs the real CLI (bin/s6-designer.mjs) in a child process, for what only a process shows. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../bin/s6-designer.mjs', import.meta.url))

export interface SpawnedRun {
  /** Null when the process was killed (see `signal`). */
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/**
 * Runs the CLI; kills it with SIGKILL after `timeoutMs`, so a hang fails the test instead of
 * stalling the run. `closeStdout` closes the reading end of its stdout at once, like `| head`;
 * `stdin` is piped into it (without it, its stdin is empty).
 */
export function spawnCli(
  argv: string[],
  options: { timeoutMs?: number; closeStdout?: boolean; stdin?: string } = {},
): Promise<SpawnedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 20_000,
      killSignal: 'SIGKILL',
    })
    let stdout = ''
    let stderr = ''
    if (options.closeStdout) child.stdout.destroy()
    else child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()))
    child.stdin.end(options.stdin ?? '')
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}
