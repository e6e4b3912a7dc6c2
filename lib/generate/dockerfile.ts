/**
 * The Dockerfile stage that turns the base image into an s6-overlay image: installs xz and a
 * downloader, unpacks s6-overlay for the target platform, copies `rootfs/` to `/`, sets the
 * environment, the health check and `ENTRYPOINT ["/init"]` (FORMAT §5, §6).
 *
 * It needs BuildKit (Docker's default builder since 23.0) for the automatic TARGETARCH and
 * TARGETVARIANT build arguments; it uses no other BuildKit-only instruction or flag.
 */
import type { Script, Service, ServiceGraph } from '../graph/types'
import { createContext, exportedPorts, inRepo, join, oneLine, report } from './context'
import type { ExportContext } from './context'
import { dockerQuote, isDockerEnvName, isDockerEnvValue, needsJsonForm } from './dockerfile-quote'
import { lines } from './file-map'
import type { FileMap, FilePaths } from './file-map'
import { isSafeRelativePath, isSafeSegment } from './safe-path'
import { healthcheckLines } from './healthcheck'
import { ARCH_CASES, RELEASES_URL, archiveName } from './overlay-archives'
import { installCommand, resolvePackageManager } from './package-manager'
import { SCRIPTS_DIR, shellWord } from './scripts'
import { SOURCE_DIR } from './service-dir'

/** `--build-arg`-safe version text: digits and dots only. */
function versionArg(ctx: ExportContext): string {
  return /^[0-9.]+$/.test(ctx.release.version) ? ctx.release.version : '3.2.3.2'
}

/** Whether a script of the design is a bash script (read defensively: the export also writes
 * what it can of a design with malformed services). */
function usesBash(graph: ServiceGraph): boolean {
  const scripts = (s: Service) =>
    s.type === 'oneshot' ? [s.up, s.down] : s.type === 'longrun' ? [s.run, s.finish] : []
  return Object.values(graph.services).some((s) =>
    scripts(s).some((script) => (script as Script | undefined)?.language === 'bash'),
  )
}

function installLines(ctx: ExportContext): string[] {
  const { packageManager } = ctx.graph.project
  const baseImage = ctx.baseImage
  const manager = resolvePackageManager(packageManager, baseImage)
  const bash = usesBash(ctx.graph)
  if (manager === 'none') {
    return [
      `# The base image must already have xz (for tar -J)${bash ? ', bash (scripts use it)' : ''} and curl or wget: no package manager is used.`,
    ]
  }
  if (manager === undefined) {
    report(
      ctx,
      'export-package-manager',
      'warning',
      `s6 Designer cannot tell which package manager ${baseImage} uses; the Dockerfile installs nothing.`,
      {
        field: 'packageManager',
        fix: 'Choose apk, apt or dnf in the project settings, or none when the base image already has xz.',
      },
    )
    return [
      `# s6 Designer could not tell the package manager of ${baseImage}.`,
      `# Install xz (tar -J needs it)${bash ? ', bash (scripts use it)' : ''} and curl or wget here, for example:`,
      '#   RUN apt-get update && apt-get install -y --no-install-recommends xz-utils curl ca-certificates',
      '# or set the package manager in the project settings and export again.',
    ]
  }
  const withCurl = ctx.graph.project.healthcheck?.url !== undefined
  return [
    `# xz unpacks the .tar.xz archives; curl (or wget) downloads them${bash && manager === 'apk' ? '; the bash scripts need bash' : ''}.`,
    `RUN ${installCommand(manager, baseImage, withCurl, bash)}`,
  ]
}

function overlayLines(ctx: ExportContext): string[] {
  const version = ctx.release.version
  const noarch = archiveName('noarch', version)
  const arch = archiveName('${arch}', version)
  const cases = ARCH_CASES.map(([pattern, a]) => `      ${pattern}) arch=${a} ;; \\`)
  return [
    '# s6-overlay: the noarch archive plus the one for the platform being built',
    '# (docker build --platform …), each checked against the .sha256 file released with it',
    '# (a download cut short or corrupted stops the build), then unpacked with modes kept (tar -p).',
    `ARG S6_OVERLAY_VERSION=${versionArg(ctx)}`,
    'ARG TARGETARCH',
    'ARG TARGETVARIANT',
    'RUN set -eu; \\',
    '    case "${TARGETARCH:-}/${TARGETVARIANT:-}" in \\',
    ...cases,
    '      *) echo "s6-overlay has no archive for ${TARGETARCH:-?}/${TARGETVARIANT:-}" >&2; exit 1 ;; \\',
    '    esac; \\',
    `    for f in "${noarch}" "${arch}"; do \\`,
    '      for file in "$f" "$f.sha256"; do \\',
    `        url="${RELEASES_URL}/v\${S6_OVERLAY_VERSION}/$file"; \\`,
    '        if command -v curl >/dev/null 2>&1; then curl -fsSL --retry 3 -o "/tmp/$file" "$url"; \\',
    '        else wget -q -t 3 -O "/tmp/$file" "$url"; fi; \\',
    '      done; \\',
    '      (cd /tmp/ && sha256sum -c "$f.sha256"); \\',
    '      tar -C / -Jxpf "/tmp/$f"; \\',
    '      rm -f "/tmp/$f" "/tmp/$f.sha256"; \\',
    '    done',
  ]
}

function copyLines(ctx: ExportContext, files: FilePaths | undefined): string[] {
  const source = `${join(ctx.repoDir, 'rootfs')}/`
  const copy = needsJsonForm(source) ? `COPY ${JSON.stringify([source, '/'])}` : `COPY ${source} /`
  const hasScripts = files
    ? [...files.keys()].some((p) => p.startsWith(`${ctx.rootfs}${SCRIPTS_DIR}/`))
    : true
  const roots = [SOURCE_DIR, ...(hasScripts ? [SCRIPTS_DIR] : [])]
  // Executable files of the design's own under data/ (data/check is in the patterns).
  const executables: string[] = []
  for (const [name, service] of Object.entries(ctx.graph.services)) {
    if (service.type !== 'longrun') continue
    for (const f of service.extraFiles ?? [])
      if (
        f.executable &&
        f.path !== 'data/check' &&
        f.path.startsWith('data/') &&
        isSafeSegment(name) &&
        isSafeRelativePath(f.path)
      )
        executables.push(`${SOURCE_DIR}/${name}/${f.path}`)
  }
  const patterns = [
    `${SOURCE_DIR}/*/run`,
    `${SOURCE_DIR}/*/finish`,
    `${SOURCE_DIR}/*/data/check`,
    ...executables.sort(),
    ...(hasScripts ? [`${SCRIPTS_DIR}/*`] : []),
  ]
  const test = patterns.map((p) => `-path ${shellWord(p)}`).join(' -o ')
  return [
    '# The service definitions and scripts, laid out as in the image. The export sets mode 0755',
    '# on scripts; the chmod repeats it for checkouts that lost it (Git on Windows, some CI).',
    copy,
    `RUN find ${roots.join(' ')} -type f \\( ${test} \\) -exec chmod 0755 {} +`,
  ]
}

function envLines(ctx: ExportContext): string[] {
  const { project } = ctx.graph
  const out: string[] = []
  const vars: string[] = []
  const secrets: string[] = []
  for (const [i, v] of (project.env ?? []).entries()) {
    const field = `env.${i}`
    if (!isDockerEnvName(v.name)) {
      report(
        ctx,
        'export-env-name',
        'error',
        `The container variable ${JSON.stringify(v.name)} is not a valid environment name for a Dockerfile; it was left out.`,
        { field },
      )
      continue
    }
    if (v.secret) {
      secrets.push(
        `# ${v.name}: secret, never stored in the image; give it at run time (docker run -e ${v.name}=…).`,
      )
      continue
    }
    const value = String(v.value ?? '')
    if (!isDockerEnvValue(value)) {
      const what = /[\n\r]/.test(value) ? 'a line break' : 'a NUL byte'
      report(
        ctx,
        'export-env-value',
        'warning',
        `${v.name}'s default holds ${what}, which a Dockerfile ENV cannot hold; it is left out of the Dockerfile and must be given at run time.`,
        { field },
      )
      secrets.push(
        `# ${v.name}: its default holds ${what}, which ENV cannot hold; give it at run time.`,
      )
      continue
    }
    vars.push(`ENV ${v.name}=${dockerQuote(value)}`)
  }
  if (vars.length + secrets.length > 0)
    out.push(
      '',
      '# Container environment (defaults; docker run -e overrides them).',
      ...vars,
      ...secrets,
    )
  const s6: string[] = []
  const s6Env = { ...(project.s6Env ?? {}) }
  const maxtime = 'S6_CMD_WAIT_FOR_SERVICES_MAXTIME'
  if (ctx.release.waitForServicesMaxtimeDefault !== 0 && s6Env[maxtime] === undefined) {
    s6.push(
      `# s6-overlay ${ctx.release.version} stops waiting for services after 5 s by default; 0 lets each timeout-up decide.`,
    )
    s6Env[maxtime] = '0'
  }
  for (const name of Object.keys(s6Env).sort()) {
    const value = String(s6Env[name])
    if (!isDockerEnvName(name) || !isDockerEnvValue(value)) {
      report(
        ctx,
        'export-env-value',
        'error',
        `The s6-overlay setting ${JSON.stringify(name)} cannot be written as a Dockerfile ENV; it was left out.`,
        { field: `s6Env.${name}` },
      )
      continue
    }
    s6.push(`ENV ${name}=${dockerQuote(value)}`)
  }
  if (s6.length > 0) out.push('', '# s6-overlay settings of the design.', ...s6)
  out.push(
    '',
    "# s6-overlay's tools live in /command. Services always get it on their PATH; adding it here",
    '# lets docker exec and the health check call s6-svstat, s6-rc and friends by name.',
    'ENV PATH="${PATH:-/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin}:/command"',
  )
  return out
}

/** EXPOSE for the design's ports: what docker run -P publishes, and what the image documents. */
function exposeLines(ctx: ExportContext): string[] {
  const ports = exportedPorts(ctx)
  if (ports.length === 0) return []
  return [
    '',
    '# The ports the services listen on (docker run -p publishes them).',
    `EXPOSE ${ports.join(' ')}`,
  ]
}

/**
 * The Dockerfile stage text. `files` (the export's file map) lets the chmod line name only
 * folders that exist; without it both are listed.
 */
export function dockerfileText(ctx: ExportContext, files?: FilePaths): string {
  const { project } = ctx.graph
  const dockerfile = inRepo(ctx, 'Dockerfile')
  const stage = ctx.stageName
  const out = [
    `# s6-overlay stage for ${oneLine(project.name)}, written by s6 Designer (see README.md beside this file).`,
    '# Build from the repository root, as build.sh does:',
    `#   docker build -f ${shellWord(dockerfile)} --target ${stage} .`,
    '# Needs BuildKit (the default builder since Docker 23.0) for TARGETARCH and TARGETVARIANT.',
    '# To make it part of an existing Dockerfile, paste it from the FROM line down.',
    '',
    `FROM ${ctx.baseImage} AS ${stage}`,
    '',
    ...installLines(ctx),
    '',
    ...overlayLines(ctx),
    '',
    ...copyLines(ctx, files),
    ...envLines(ctx),
    ...exposeLines(ctx),
    ...healthcheckLines(ctx),
    '',
    '# s6-overlay must run as PID 1: keep this exec form, and do not add docker run --init.',
    '# An ENTRYPOINT set here also clears the CMD inherited from the base image.',
    'ENTRYPOINT ["/init"]',
  ]
  return lines(out)
}

/** The Dockerfile stage as a one-file map (`<repoDir>/Dockerfile`). */
export function dockerfileFiles(graph: ServiceGraph): FileMap {
  const ctx = createContext(graph)
  return new Map([
    [inRepo(ctx, 'Dockerfile'), { contents: dockerfileText(ctx), executable: false }],
  ])
}
