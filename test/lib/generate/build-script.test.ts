import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildScriptFiles, imageName } from '@/lib/generate/build-script'
import { graphOf, longrun } from '../../fixtures/graphs'

const tmp = realpathSync(mkdtempSync(join(tmpdir(), 's6d-build-')))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** Runs the exported build.sh with a fake `docker` that prints its arguments, one per line. */
function runBuild(repoDir: string, args: string[], env: Record<string, string> = {}): string[] {
  const graph = graphOf(
    { a: longrun() },
    { project: { name: 'My App!', repoDir, stageName: 'final-s6' } },
  )
  const root = join(tmp, Math.random().toString(36).slice(2))
  const bin = join(root, '.bin')
  mkdirSync(bin, { recursive: true })
  writeFileSync(join(bin, 'docker'), '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n')
  chmodSync(join(bin, 'docker'), 0o755)
  for (const [path, file] of buildScriptFiles(graph)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), file.contents)
    chmodSync(join(root, path), file.executable ? 0o755 : 0o644)
  }
  const script = join(root, repoDir === '' ? '' : repoDir, 'build.sh')
  const out = execFileSync(script, args, {
    env: { PATH: `${bin}:/usr/bin:/bin`, ...env } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
    cwd: tmp,
  })
  return [root, ...out.trim().split('\n')]
}

describe('build.sh', () => {
  it('builds the stage from the repository root with the Dockerfile beside it', () => {
    const [root, ...argv] = runBuild('docker/s6', [])
    expect(argv).toEqual([
      'build',
      '--target',
      'final-s6',
      '-f',
      `${root}/docker/s6/Dockerfile`,
      '-t',
      'my-app:s6',
      root,
    ])
  })

  it('passes every argument through and reads the tag from TAG', () => {
    const [root, ...argv] = runBuild(
      'docker/s6',
      ['--platform', 'linux/amd64,linux/arm64', '--build-arg', 'A=b c'],
      {
        TAG: 'registry.example.com/x:1',
      },
    )
    expect(argv).toEqual([
      'build',
      '--target',
      'final-s6',
      '-f',
      `${root}/docker/s6/Dockerfile`,
      '-t',
      'registry.example.com/x:1',
      '--platform',
      'linux/amd64,linux/arm64',
      '--build-arg',
      'A=b c',
      root,
    ])
  })

  it('works from any depth, the repository root included', () => {
    const [root, ...argv] = runBuild('', ['--no-cache'])
    expect(argv.at(-1)).toBe(root)
    expect(argv).toContain('--no-cache')
    const [deep, ...argv2] = runBuild('a/b/c', [])
    expect(argv2.at(-1)).toBe(deep)
  })

  it('is POSIX sh with set -eu and mode 0755', () => {
    const [path, file] = [...buildScriptFiles(graphOf({ a: longrun() }))][0] ?? [
      '',
      { contents: '', executable: false },
    ]
    expect(path).toBe('docker/s6/build.sh')
    expect(file.executable).toBe(true)
    expect(file.contents.startsWith('#!/bin/sh\n')).toBe(true)
    expect(file.contents).toContain('\nset -eu\n')
  })

  it('derives a valid image name from the project name', () => {
    expect(imageName('onetimesecret')).toBe('onetimesecret')
    expect(imageName('My App!')).toBe('my-app')
    expect(imageName('---')).toBe('app')
  })
})
