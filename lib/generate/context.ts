/**
 * What every generator of one export shares: where things go, which overlay release is
 * targeted, which services can be written, and the problems found on the way. Built once per
 * export by `createContext`; generators add problems but never throw.
 */
import { DEFAULT_OVERLAY_VERSION, overlayRelease } from '../graph/overlay'
import type { OverlayRelease } from '../graph/overlay'
import { compareNames } from '../graph/service-graph'
import type { Diagnostic, Service, ServiceGraph, ServiceName, Severity } from '../graph/types'
import { isImageReference, isSafeName, isStageName, normalizeRepoDir } from './safe-path'

export interface ExportContext {
  graph: ServiceGraph
  /** Folder of the export root that holds everything ('' for the root itself). */
  repoDir: string
  /** The image's root as a folder of the export: `<repoDir>/rootfs`. */
  rootfs: string
  /** The targeted release (a close guess when the version is not a supported one). */
  release: OverlayRelease
  /** Services and bundles whose names are safe to write, sorted by name. */
  services: Array<[ServiceName, Service]>
  /** Dockerfile stage name (the setting, or `final-s6` when it is not a valid one). */
  stageName: string
  /** Base image reference (the setting, or `debian:bookworm-slim` when it is not one). */
  baseImage: string
  /** Names skipped because they cannot be written safely. */
  skipped: Set<ServiceName>
  problems: Diagnostic[]
  /** Keys of the problems already reported, so a generator run twice reports once. */
  seen: Set<string>
}

/** Records an export problem. Codes start with `export-`. */
export function report(
  ctx: ExportContext,
  code: string,
  severity: Severity,
  message: string,
  extra: Pick<Diagnostic, 'service' | 'field' | 'file' | 'fix'> = {},
): void {
  const key = `${code}\u0000${message}`
  if (ctx.seen.has(key)) return
  ctx.seen.add(key)
  ctx.problems.push({ code, severity, message, ...extra })
}

/** Text for one line (a comment, a table cell): control characters become spaces. */
export function oneLine(text: unknown): string {
  const s = String(text)
  return CONTROL.test(s) ? s.replace(CONTROL_ALL, ' ') : s
}

const CONTROL = /[\u0000-\u001f\u007f]/
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g

function checkStageName(ctx: ExportContext, name: unknown): string {
  if (isStageName(name)) return name
  report(
    ctx,
    'export-stage-name',
    'error',
    `${JSON.stringify(name)} is not a valid Docker stage name; the export uses final-s6.`,
    {
      field: 'stageName',
      fix: 'Use letters, digits, ".", "_" and "-", starting with a letter.',
    },
  )
  return 'final-s6'
}

function checkBaseImage(ctx: ExportContext, image: unknown): string {
  if (isImageReference(image)) return image
  report(
    ctx,
    'export-base-image',
    'error',
    `${JSON.stringify(image)} is not an image reference; the export uses debian:bookworm-slim.`,
    {
      field: 'baseImage',
      fix: 'Write an image such as ruby:3.4-slim-bookworm, or the name of an earlier stage.',
    },
  )
  return 'debian:bookworm-slim'
}

/** `a` and `b` joined with `/`, either may be empty. */
export function join(...parts: string[]): string {
  let out = ''
  for (const p of parts) if (p !== '') out = out === '' ? p : `${out}/${p}`
  return out
}

/** An absolute path in the image (`/etc/s6-overlay/…`) as a path of the export. */
export function inRootfs(ctx: ExportContext, absolute: string): string {
  return join(ctx.rootfs, absolute.replace(/^\/+/, ''))
}

/** A path relative to the project's folder (`Dockerfile`, `build.sh`…) as a path of the export. */
export function inRepo(ctx: ExportContext, relative: string): string {
  return join(ctx.repoDir, relative)
}

/** `3.2.3.2` -> [3, 2, 3, 2]; undefined when not four dot-separated numbers. */
export function parseVersion(version: string): number[] | undefined {
  if (typeof version !== 'string' || !/^\d+(\.\d+){3}$/.test(version)) return undefined
  return version.split('.').map(Number)
}

/** Negative, zero or positive as `a` is older, equal or newer than `b`. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

function resolveRelease(ctx: ExportContext, version: string): OverlayRelease {
  const known = overlayRelease(version)
  if (known) return known
  const parsed = parseVersion(version)
  if (!parsed) {
    report(
      ctx,
      'export-overlay-version',
      'error',
      `"${String(version)}" is not an s6-overlay version; the export targets ${DEFAULT_OVERLAY_VERSION} instead.`,
      {
        field: 'overlayVersion',
        fix: 'Pick one of the supported s6-overlay releases in the project settings.',
      },
    )
    return overlayRelease(DEFAULT_OVERLAY_VERSION) as OverlayRelease
  }
  report(
    ctx,
    'export-overlay-version',
    'warning',
    `s6-overlay ${version} is not one of the releases s6 Designer knows; the layout was guessed from its number.`,
    {
      field: 'overlayVersion',
      fix: 'Pick one of the supported s6-overlay releases in the project settings.',
    },
  )
  const newLayout = compareVersions(parsed, [3, 2, 3, 1]) >= 0
  return {
    version,
    userBundleLayout: newLayout ? 'user-bundles.d' : 's6-rc.d',
    waitForServicesMaxtimeDefault: compareVersions(parsed, [3, 2, 0, 0]) >= 0 ? 0 : 5000,
    s6rc: 'unknown',
  }
}

/** Builds the context of one export; never throws for a graph of the right shape. */
export function createContext(graph: ServiceGraph): ExportContext {
  const ctx: ExportContext = {
    graph,
    repoDir: '',
    rootfs: 'rootfs',
    release: overlayRelease(DEFAULT_OVERLAY_VERSION) as OverlayRelease,
    stageName: 'final-s6',
    baseImage: 'debian:bookworm-slim',
    services: [],
    skipped: new Set(),
    problems: [],
    seen: new Set(),
  }
  const repoDir = normalizeRepoDir(graph.project.repoDir)
  if (repoDir === undefined) {
    report(
      ctx,
      'export-unsafe-path',
      'error',
      `The project folder "${String(graph.project.repoDir)}" leaves the repository; the export uses docker/s6 instead.`,
      {
        field: 'repoDir',
        fix: 'Use a relative folder such as docker/s6, without "..".',
      },
    )
  }
  ctx.repoDir = repoDir ?? 'docker/s6'
  ctx.rootfs = join(ctx.repoDir, 'rootfs')
  ctx.release = resolveRelease(ctx, graph.project.overlayVersion)
  ctx.stageName = checkStageName(ctx, graph.project.stageName)
  ctx.baseImage = checkBaseImage(ctx, graph.project.baseImage)
  for (const name of Object.keys(graph.services).sort(compareNames)) {
    const service = graph.services[name]
    if (!service) continue
    if (!isSafeName(name)) {
      ctx.skipped.add(name)
      report(
        ctx,
        'export-unsafe-name',
        'error',
        `${JSON.stringify(name)} cannot be a folder name (empty, starts with a dot, or holds "/", "\\" or a control character); it was left out of the export.`,
        {
          service: name,
          fix: 'Rename it with letters, digits, "_" and "-" only.',
        },
      )
      continue
    }
    ctx.services.push([name, service])
  }
  return ctx
}

/** The project's ports the export names (EXPOSE, docker run -p): valid ones, once each, in order. */
export function exportedPorts(ctx: ExportContext): number[] {
  return [...new Set(ctx.graph.project.ports ?? [])]
    .filter((p) => Number.isInteger(p) && p > 0 && p < 65536)
    .sort((a, b) => a - b)
}
