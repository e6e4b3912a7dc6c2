/**
 * The Dockerfile's download-and-unpack RUN, executed by sh with stand-ins for curl and tar (and
 * the real sha256sum): each Docker platform picks the right s6-overlay archive, checked against
 * its .sha256 before it is unpacked, an unknown platform stops the build, and
 * shellcheck has nothing to say about the command.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createContext } from '@/lib/generate/context'
import { dockerfileText } from '@/lib/generate/dockerfile'
import { graphOf, longrun } from '../../fixtures/graphs'

const tmp = mkdtempSync(join(tmpdir(), 's6d-dfrun-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** The shell command of the RUN that starts with `prefix`, continuation lines joined. */
function runCommand(dockerfile: string, prefix: string): string {
  const lines = dockerfile.split('\n')
  const start = lines.findIndex((l) => l.startsWith(`RUN ${prefix}`))
  const out: string[] = []
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] as string
    out.push(line.endsWith('\\') ? line.slice(0, -1) : line)
    if (!line.endsWith('\\')) break
  }
  return out.join('').slice('RUN '.length)
}

const bin = join(tmp, 'bin')
mkdirSync(bin)
const log = join(tmp, 'log')
// An archive's content is its URL; its .sha256 holds that content's checksum (a wrong one when
// CORRUPT names the archive), in sha256sum's format, as s6-overlay's releases do.
writeFileSync(
  join(bin, 'curl'),
  `#!/bin/sh
# curl -fsSL --retry 3 -o FILE URL
while [ "$1" != -o ]; do shift; done
echo "curl $3" >> ${log}
case "$3" in
  *.sha256)
    archive="\${3%.sha256}"; name="\${archive##*/}"
    sum=$(echo "$archive" | sha256sum | cut -d' ' -f1)
    [ "$name" = "\${CORRUPT:-}" ] && sum=$(echo x | sha256sum | cut -d' ' -f1)
    echo "$sum  $name" > "$2" ;;
  *) echo "$3" > "$2" ;;
esac
`,
)
writeFileSync(join(bin, 'tar'), `#!/bin/sh\necho "tar $* $(cat "$4")" >> ${log}\n`)
chmodSync(join(bin, 'curl'), 0o755)
chmodSync(join(bin, 'tar'), 0o755)

function unpack(
  version: string,
  arch: string,
  variant: string,
  corrupt = '',
): { code: number | null; log: string; stderr: string } {
  const text = dockerfileText(
    createContext(graphOf({ a: longrun() }, { project: { overlayVersion: version } })),
  )
  const cmd = runCommand(text, 'set -eu;').replaceAll('/tmp/', `${tmp}/`)
  writeFileSync(log, '')
  const r = spawnSync('sh', ['-c', cmd], {
    env: {
      PATH: `${bin}:/usr/bin:/bin`,
      TARGETARCH: arch,
      TARGETVARIANT: variant,
      S6_OVERLAY_VERSION: version,
      CORRUPT: corrupt,
    } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
  })
  return { code: r.status, log: readFileSync(log, 'utf8'), stderr: r.stderr }
}

const URL = 'https://github.com/just-containers/s6-overlay/releases/download/v3.2.3.2'

describe('the Dockerfile RUN that installs s6-overlay', () => {
  it('fetches and unpacks noarch plus the archive of each platform', () => {
    for (const [arch, variant, name] of [
      ['amd64', '', 'x86_64'],
      ['amd64', 'v3', 'x86_64'],
      ['arm64', '', 'aarch64'],
      ['arm64', 'v8', 'aarch64'],
      ['arm', 'v7', 'arm'],
      ['arm', '', 'arm'],
      ['arm', 'v6', 'armhf'],
      ['386', '', 'i686'],
      ['riscv64', '', 'riscv64'],
      ['s390x', '', 's390x'],
      ['ppc64le', '', 'powerpc64le'],
      ['ppc64', '', 'powerpc64'],
    ]) {
      const r = unpack('3.2.3.2', arch as string, variant as string)
      expect(r.code, `${arch}/${variant}`).toBe(0)
      expect(r.log.split('\n').filter(Boolean)).toEqual([
        `curl ${URL}/s6-overlay-noarch.tar.xz`,
        `curl ${URL}/s6-overlay-noarch.tar.xz.sha256`,
        `tar -C / -Jxpf ${tmp}/s6-overlay-noarch.tar.xz ${URL}/s6-overlay-noarch.tar.xz`,
        `curl ${URL}/s6-overlay-${name}.tar.xz`,
        `curl ${URL}/s6-overlay-${name}.tar.xz.sha256`,
        `tar -C / -Jxpf ${tmp}/s6-overlay-${name}.tar.xz ${URL}/s6-overlay-${name}.tar.xz`,
      ])
    }
  })

  it('stops the build before unpacking an archive that does not match its .sha256', () => {
    const r = unpack('3.2.3.2', 'arm64', '', 's6-overlay-aarch64.tar.xz')
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/did NOT match/)
    const log = r.log.split('\n').filter(Boolean)
    expect(log.filter((l) => l.startsWith('tar '))).toEqual([
      `tar -C / -Jxpf ${tmp}/s6-overlay-noarch.tar.xz ${URL}/s6-overlay-noarch.tar.xz`,
    ])
    expect(log.at(-1)).toBe(`curl ${URL}/s6-overlay-aarch64.tar.xz.sha256`)
  })

  it('stops the build for a platform s6-overlay has no archive for', () => {
    const r = unpack('3.2.3.2', 'mips64le', '')
    expect(r.code).toBe(1)
    expect(r.log).toBe('')
  })

  it('uses the versioned archive names of releases before 3.1.0.0', () => {
    const r = unpack('3.0.0.2', 'amd64', '')
    expect(r.log).toContain('/v3.0.0.2/s6-overlay-noarch-3.0.0.2.tar.xz')
    expect(r.log).toContain('/v3.0.0.2/s6-overlay-x86_64-3.0.0.2.tar.xz')
  })

  it('is clean for shellcheck, like the chmod RUN', () => {
    for (const version of ['3.2.3.2', '3.0.0.2']) {
      const g = graphOf({ a: longrun() }, { project: { overlayVersion: version } })
      const text = dockerfileText(createContext(g))
      for (const prefix of ['set -eu;', 'find ']) {
        const file = join(tmp, `run-${prefix.replace(/\W/g, '')}.sh`)
        writeFileSync(file, `#!/bin/sh\n${runCommand(text, prefix)}\n`)
        expect(execFileSync('shellcheck', ['--shell=sh', file], { encoding: 'utf8' })).toBe('')
      }
    }
  })
})
