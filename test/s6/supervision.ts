/**
 * Runs an export's longruns under Debian's s6 (s6-svscan on a temp scandir, one s6-supervise
 * each), and its oneshots' `up`/`down` lines with execlineb, after `localize` has pointed the
 * image paths at local stand-ins. Only the user's application is a stub.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import {
  closeSync,
  cpSync,
  existsSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import type { FileMap } from '@/lib/generate/file-map'
import { fakeBin, localize, poll, run, tempDir, writeFiles } from './helpers'

export class Supervision {
  readonly dir: string
  readonly rootfs: string
  readonly scan: string
  readonly bin: string
  readonly logFile: string
  readonly env: Record<string, string | undefined>
  private svscan: ChildProcess | undefined
  private readonly longruns: string[]

  /** Writes and localizes the export; `repoDir` is the project's folder in it. */
  constructor(files: FileMap, repoDir: string, extraEnv: Record<string, string> = {}) {
    this.dir = tempDir('sv')
    writeFiles(join(this.dir, 'export'), files)
    this.rootfs = join(this.dir, 'export', repoDir, 'rootfs')
    this.bin = fakeBin(join(this.dir, 'bin'))
    localize(this.rootfs, this.bin)
    this.scan = join(this.dir, 'scan')
    this.logFile = join(this.dir, 'events.log')
    writeFileSync(this.logFile, '')
    this.env = { PATH: `${this.bin}:/usr/bin:/bin`, S6D_TEST_LOG: this.logFile, ...extraEnv }
    const source = join(this.rootfs, 'etc/s6-overlay/s6-rc.d')
    this.longruns = []
    for (const [path] of files) {
      const m = /\/s6-rc\.d\/([^/]+)\/type$/.exec(path)
      if (m && files.get(path)?.contents === 'longrun\n') this.longruns.push(m[1] as string)
    }
    for (const name of this.longruns) {
      cpSync(join(source, name), join(this.scan, name), { recursive: true })
      // Start supervised but down: the tests decide when each comes up, as s6-rc would.
      writeFileSync(join(this.scan, name, 'down'), '')
    }
  }

  /**
   * Starts s6-svscan and waits for every s6-supervise. With `output`, what the services write
   * to stdout and stderr (the container's log, in the image) goes to that file.
   */
  async start(output?: string): Promise<void> {
    const fd = output === undefined ? undefined : openSync(output, 'a')
    this.svscan = spawn('s6-svscan', [this.scan], {
      env: this.env as NodeJS.ProcessEnv,
      stdio: fd === undefined ? 'ignore' : ['ignore', fd, fd],
    })
    if (fd !== undefined) closeSync(fd)
    await new Promise<void>((resolve, reject) => {
      this.svscan?.once('spawn', () => resolve())
      this.svscan?.once('error', reject)
    })
    for (const name of this.longruns) {
      await poll(`s6-supervise ${name}`, () => run('s6-svok', [this.path(name)]).code === 0)
    }
  }

  path(name: string): string {
    return join(this.scan, name)
  }

  svc(flags: string, name: string): void {
    const r = run('s6-svc', [flags, this.path(name)])
    if (r.code !== 0) throw new Error(`s6-svc ${flags} ${name}: ${r.stderr}`)
  }

  /** `s6-svstat -o …` fields, for example ['up', 'ready'] -> ['true', 'false']. */
  stat(name: string, fields: string): string[] {
    return run('s6-svstat', ['-o', fields, this.path(name)])
      .stdout.trim()
      .split(/\s+/)
  }

  /** s6-svwait with a timeout; true when the state was reached. */
  wait(flag: '-u' | '-U' | '-d' | '-D', name: string, timeoutMs: number): boolean {
    return (
      run('s6-svwait', [flag, '-t', String(timeoutMs), this.path(name)], {
        timeoutMs: timeoutMs + 2000,
      }).code === 0
    )
  }

  /** Runs a oneshot's exported `up` or `down` line like s6-rc does (parsed by execlineb). */
  oneshot(name: string, action: 'up' | 'down'): number | null {
    const file = join(this.rootfs, 'etc/s6-overlay/s6-rc.d', name, action)
    if (!existsSync(file)) return 0
    return run('execlineb', ['-P', file], { env: this.env }).code
  }

  events(): string[] {
    return readFileSync(this.logFile, 'utf8').split('\n').filter(Boolean)
  }

  /** Brings every longrun down, stops s6-svscan and removes the temp folder. */
  async stop(): Promise<void> {
    if (this.svscan && this.svscan.exitCode === null && this.svscan.signalCode === null) {
      for (const name of this.longruns) run('s6-svc', ['-d', this.path(name)])
      for (const name of this.longruns)
        run('s6-svwait', ['-D', '-t', '3000', this.path(name)], { timeoutMs: 5000 })
      run('s6-svscanctl', ['-t', this.scan])
      const exited = await poll(
        's6-svscan to exit',
        () => this.svscan?.exitCode !== null || this.svscan?.signalCode !== null,
        3000,
      ).catch(() => false)
      if (!exited) this.svscan.kill('SIGKILL')
    }
    rmSync(this.dir, { recursive: true, force: true })
  }
}
