/**
 * The service graph: one plain, serializable, versioned value that every part of s6 Designer
 * (canvas, previews, export, share links, docs widgets, CLI) reads and writes.
 *
 * Words follow s6-rc's own: `oneshot | longrun | bundle`, `dependencies`, `contents`,
 * `producerFor`, `consumerFor`, `pipelineName`. Edges are derived from `dependencies` and
 * `contents`; they are never stored twice.
 *
 * Times are milliseconds, as in the s6-rc files they become.
 */

/** The graph format version. Bump it only together with a migration in `lib/graph/migrate.ts`. */
export const GRAPH_VERSION = 1

/** A service or bundle name: the name of its directory in `s6-rc.d/`. */
export type ServiceName = string

/**
 * A script's language: POSIX sh, bash (for scripts that need it; the Dockerfile installs it on
 * Alpine), or execline.
 */
export type ScriptLanguage = 'sh' | 'bash' | 'execline'

/** Whether scripts of this language are shell scripts (sh or bash), run by a shell. */
export const isShell = (language: ScriptLanguage): language is 'sh' | 'bash' =>
  language !== 'execline'

/** A script body as the user writes it, without the interpreter line (the exporter adds it). */
export interface Script {
  language: ScriptLanguage
  body: string
}

/** An environment variable: container-level (Dockerfile ENV) or per-service (`env/NAME`). */
export interface EnvVar {
  name: string
  value: string
  description?: string
  /** Heading it is listed under in the generated docs, for example "Puma". */
  group?: string
  /**
   * A secret is documented but its value is never exported: not into the Dockerfile, env/ files,
   * the zip's graph file or share links. A value given here stays in this browser's autosave only,
   * and validation warns about it.
   */
  secret?: boolean
}

/** A child process the service forks, as the process-tree preview should show it. */
export interface ChildProcess {
  /** What `ps` shows, for example "puma worker". */
  name: string
  /** How many: a number, or the name of an env var holding it (for example "PUMA_WORKERS"). */
  count?: number | string
}

/** A file kept verbatim inside the service directory (for example `data/config`). */
export interface ExtraFile {
  /** Path relative to the service directory, `/`-separated, no `..`. */
  path: string
  contents: string
  executable?: boolean
}

interface ServiceCommon {
  description?: string
  /** `flag-essential`: s6-overlay then never stops the service in order (FORMAT §4); warned. */
  essential?: boolean
}

interface AtomicCommon extends ServiceCommon {
  /** Direct dependencies (services or bundles). `base` is added on export unless turned off. */
  dependencies: ServiceName[]
  /** `timeout-up` in ms; absent or 0 means no limit. */
  timeoutUp?: number
  /** `timeout-down` in ms; absent or 0 means no limit. */
  timeoutDown?: number
  /** Wrap the scripts in `with-contenv` so they see the container environment. Default true. */
  withContenv: boolean
  /** Estimated time to come up (ms), for the start timeline only; never exported to s6. */
  estimatedUpMs?: number
}

export interface Oneshot extends AtomicCommon {
  type: 'oneshot'
  /** Body of `/etc/s6-overlay/scripts/<name>`, which the one-line `up` calls. */
  up: Script
  /** Body of `/etc/s6-overlay/scripts/<name>-down`, which the one-line `down` calls. */
  down?: Script
}

export interface Readiness {
  /** `notification-fd`: the fd the daemon writes a newline to when ready (at least 3). */
  notificationFd: number
  /**
   * A command that exits 0 once the service is ready. When set, the exporter wraps `run` in
   * `s6-notifyoncheck -d` and writes it as the executable `data/check` (FORMAT §6.7).
   */
  check?: string
}

export interface Longrun extends AtomicCommon {
  type: 'longrun'
  /** Body of the `run` script. It should end by exec'ing the long-running process. */
  run: Script
  /** Body of the `finish` script; receives the exit code, the signal and the service name. */
  finish?: Script
  /** Per-service variables, written to `env/` and loaded with `s6-envdir` after with-contenv. */
  env: EnvVar[]
  readiness?: Readiness
  /** `lock-fd`, at least 3 and different from the notification fd. */
  lockFd?: number
  /** `timeout-kill` (ms): SIGKILL that long after the down signal; absent or 0 = never. */
  timeoutKill?: number
  /** `timeout-finish` (ms): limit for `finish`; s6's default is 5000, 0 = none. */
  timeoutFinish?: number
  /** `down-signal`, for example SIGTERM (the default), SIGQUIT, SIGINT. */
  downSignal?: string
  /** `max-death-tally`: deaths remembered, at most 4096; default 100. */
  maxDeathTally?: number
  /** `producer-for`: the one longrun that reads this service's stdout. */
  producerFor?: ServiceName
  /** `consumer-for`: the longruns whose stdout this service reads. */
  consumerFor?: ServiceName[]
  /** `pipeline-name`, on the last consumer of a pipeline only: a bundle of the whole pipeline. */
  pipelineName?: ServiceName
  /** What `ps` shows for the process `run` execs, for example "puma master". */
  process?: string
  /** Processes it forks, shown under it in the process tree. */
  children: ChildProcess[]
  /** Files copied verbatim into the service directory (`data/…`), from an import. */
  extraFiles?: ExtraFile[]
}

export interface Bundle extends ServiceCommon {
  type: 'bundle'
  /** Members: services, bundles or pipeline names. */
  contents: ServiceName[]
}

export type Service = Oneshot | Longrun | Bundle
export type ServiceType = Service['type']
export type AtomicService = Oneshot | Longrun

export interface XY {
  x: number
  y: number
}

export type PackageManager = 'auto' | 'apk' | 'apt' | 'dnf' | 'none'

export interface HealthCheck {
  /** Longruns whose supervisor must report "up" (`s6-svstat`). */
  services: ServiceName[]
  /** Optional HTTP probe, for example http://127.0.0.1:3000/health. */
  url?: string
  intervalS: number
  timeoutS: number
  startPeriodS: number
  retries: number
}

export interface ProjectSettings {
  /** Project name: image name, zip name and README title. */
  name: string
  /** Target s6-overlay release, one of SUPPORTED_OVERLAY_VERSIONS. */
  overlayVersion: string
  /** Dockerfile stage name, default `final-s6`. */
  stageName: string
  /** Stage or image the s6 stage builds on (`FROM <base> AS <stage>`). */
  baseImage: string
  /** How xz-utils gets installed; `auto` guesses from the base image name. */
  packageManager: PackageManager
  /** Folder in the user's repository that holds the export (Dockerfile stage, rootfs/, docs). */
  repoDir: string
  /** Container-level env vars: Dockerfile ENV defaults, documented in the README. */
  env: EnvVar[]
  /** S6_* settings that differ from s6-overlay's defaults (name -> value). */
  s6Env: Record<string, string>
  /** Add `base` to every oneshot's and longrun's dependencies on export (FORMAT §5). */
  dependOnBase: boolean
  /** Optional Dockerfile HEALTHCHECK. */
  healthcheck?: HealthCheck
  /** Ports the docs' `docker run` examples publish. */
  ports: number[]
}

/** The whole design. */
export interface ServiceGraph {
  version: typeof GRAPH_VERSION
  project: ProjectSettings
  /** Every service and bundle the user defines, keyed by name. `user` always exists. */
  services: Record<ServiceName, Service>
  /** Canvas positions; optional per service (auto-layout fills the gaps). */
  layout: Record<ServiceName, XY>
}

export type Severity = 'error' | 'warning' | 'info'

/** One finding of `validate`, `readTree` or `lint`. */
export interface Diagnostic {
  /** Stable code, also the slug of its docs page (`/docs/diagnostics/<code>`). */
  code: string
  severity: Severity
  service?: ServiceName
  /** Model field it concerns (for the inspector), for example `timeoutUp` or `env.0.name`. */
  field?: string
  /**
   * File it concerns, for example `timeout-up`: in the service's folder when there is a
   * service, else from the top of the folder read.
   */
  file?: string
  /**
   * Where that file is in the folder or zip read, from its top (`/`-separated): set by
   * `readTree` (and lint for the design's checks), for tools that open the file.
   */
  path?: string
  message: string
  /** What to do about it, in one sentence. */
  fix?: string
  /**
   * The other services the problem is about (the rest of a cycle): the editor marks them and
   * lists the problem with them too; it is counted once, under `service`.
   */
  also?: ServiceName[]
}
