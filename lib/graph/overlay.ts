/**
 * Facts about s6-overlay v3 that the model, validation, planning and export share
 * (FORMAT §2, §5, §7). Kept as data so the UI and docs list the same values.
 */

/** An s6-overlay release the exporter can target. */
export interface OverlayRelease {
  version: string
  /** Where the `user` bundle's `contents.d` lives (FORMAT §5). */
  userBundleLayout: 's6-rc.d' | 'user-bundles.d'
  /** Default of S6_CMD_WAIT_FOR_SERVICES_MAXTIME: 5000 up to 3.1.6.2, 0 from 3.2.0.0. */
  waitForServicesMaxtimeDefault: number
  /** s6-rc bundled with that release (FORMAT §7). */
  s6rc: string
}

/** Newest first. The first entry is the default for new graphs. */
export const SUPPORTED_OVERLAY_RELEASES: readonly OverlayRelease[] = [
  {
    version: '3.2.3.2',
    userBundleLayout: 'user-bundles.d',
    waitForServicesMaxtimeDefault: 0,
    s6rc: '0.7.0.0',
  },
  {
    version: '3.2.2.0',
    userBundleLayout: 's6-rc.d',
    waitForServicesMaxtimeDefault: 0,
    s6rc: '0.6.0.0',
  },
  {
    version: '3.2.1.0',
    userBundleLayout: 's6-rc.d',
    waitForServicesMaxtimeDefault: 0,
    s6rc: '0.5.6.0',
  },
  {
    version: '3.2.0.2',
    userBundleLayout: 's6-rc.d',
    waitForServicesMaxtimeDefault: 0,
    s6rc: '0.5.5.0',
  },
  {
    version: '3.1.6.2',
    userBundleLayout: 's6-rc.d',
    waitForServicesMaxtimeDefault: 5000,
    s6rc: '0.5.4.2',
  },
  {
    version: '3.1.5.0',
    userBundleLayout: 's6-rc.d',
    waitForServicesMaxtimeDefault: 5000,
    s6rc: '0.5.4.1',
  },
]

export const SUPPORTED_OVERLAY_VERSIONS: readonly string[] = SUPPORTED_OVERLAY_RELEASES.map(
  (r) => r.version,
)

export const DEFAULT_OVERLAY_VERSION = '3.2.3.2'

/** The release for a version string, or undefined when it is not supported. */
export function overlayRelease(version: string): OverlayRelease | undefined {
  return SUPPORTED_OVERLAY_RELEASES.find((r) => r.version === version)
}

/**
 * Names s6-overlay defines in its own sources, compiled next to the user's (FORMAT §2, §5).
 * `user` and `user2` are the overlay's bundles; a graph's `user` bundle adds members to them.
 */
export const OVERLAY_BUNDLES = ['user', 'user2'] as const
/** What s6-overlay brings up at boot (`s6-rc -u change top`) and down at its stop (FORMAT §5). */
export const BOOT_TARGET = 'top'
/** Overlay names a graph may depend on but never define. */
export const OVERLAY_DEFINED = [
  'base',
  'top',
  'fix-attrs',
  'legacy-cont-init',
  'legacy-services',
] as const
/** Taken when the syslogd overlay is installed. */
export const SYSLOGD_NAMES = [
  'syslogd',
  'syslogd-log',
  'syslogd-prepare',
  'syslogd-bundle',
  'syslogd-pipeline',
] as const

/** Prefixes s6-rc reserves for itself (FORMAT §2). */
export const RESERVED_PREFIXES = ['s6rc-', 's6-rc-'] as const

/** What the overlay's own names are, for the planner: type and members or dependencies. */
export const OVERLAY_SERVICES: Record<
  string,
  { type: 'bundle'; contents: string[] } | { type: 'oneshot'; dependencies: string[] }
> = {
  top: { type: 'bundle', contents: ['base', 'user', 'legacy-services', 'user2'] },
  base: { type: 'bundle', contents: ['fix-attrs', 'legacy-cont-init'] },
  'fix-attrs': { type: 'oneshot', dependencies: [] },
  // Not in FORMAT §5, which lists base's members only: s6-rc-compile's traces of the overlay's
  // own sources show "dependency from legacy-cont-init to fix-attrs" (s6-overlay #586 on
  // 3.1.6.2, #596 on 3.2.0.2, #621 on 3.2.1.0), so cont-init.d runs after the attribute fixes.
  'legacy-cont-init': { type: 'oneshot', dependencies: ['fix-attrs'] },
  'legacy-services': { type: 'oneshot', dependencies: ['base', 'user'] },
}

/** One S6_* setting: its default and what it does (FORMAT §5, OV README). */
export interface S6Setting {
  name: string
  default: string
  meaning: string
  /** Allowed values when it is a choice. */
  choices?: readonly string[]
  /** A whole number of milliseconds. */
  ms?: true
}

export const S6_SETTINGS: readonly S6Setting[] = [
  {
    name: 'S6_KEEP_ENV',
    default: '0',
    choices: ['0', '1'],
    meaning: '1 keeps the whole environment everywhere; with-contenv then does nothing.',
  },
  {
    name: 'S6_LOGGING',
    default: '0',
    choices: ['0', '1', '2'],
    meaning:
      '0 sends output to stdout/stderr; 1 adds a catch-all logger in /var/log/s6-uncaught-logs; 2 logs everything, the CMD too.',
  },
  { name: 'S6_CATCHALL_USER', default: 'root', meaning: 'User the catch-all logger runs as.' },
  {
    name: 'S6_BEHAVIOUR_IF_STAGE2_FAILS',
    default: '0',
    choices: ['0', '1', '2'],
    meaning:
      '0 carries on, 1 warns, 2 stops the container when a oneshot, a readiness wait, a cont-init.d script or the S6_STAGE2_HOOK fails at boot.',
  },
  {
    name: 'S6_KILL_FINISH_MAXTIME',
    ms: true,
    default: '0',
    meaning: 'Limit (ms) for each cont-finish.d script; 0 means none.',
  },
  {
    name: 'S6_SERVICES_READYTIME',
    ms: true,
    default: '50',
    meaning: 'services.d only: pause (ms) before checking readiness.',
  },
  {
    name: 'S6_SERVICES_GRACETIME',
    ms: true,
    default: '3000',
    meaning: 'services.d only: how long (ms) shutdown waits for them to die.',
  },
  {
    name: 'S6_KILL_GRACETIME',
    ms: true,
    default: '3000',
    meaning:
      'Final wait (ms) between SIGTERM and SIGKILL to every process at shutdown; always waited in full.',
  },
  {
    name: 'S6_LOGGING_SCRIPT',
    default: 'n20 s1000000 T',
    meaning: 's6-log directives for logutil-service: files kept, size of each, timestamps.',
  },
  { name: 'S6_CMD_ARG0', default: '', meaning: 'Prefix put before the CMD.' },
  {
    name: 'S6_CMD_USE_TERMINAL',
    default: '0',
    choices: ['0', '1'],
    meaning: '1 lets the CMD write to the terminal when S6_LOGGING is not 0.',
  },
  {
    name: 'S6_FIX_ATTRS_HIDDEN',
    default: '0',
    choices: ['0', '1'],
    meaning: 'fix-attrs also processes dotfiles.',
  },
  {
    name: 'S6_CMD_WAIT_FOR_SERVICES',
    default: '0',
    choices: ['0', '1'],
    meaning: 'Wait for services.d readiness before running the CMD.',
  },
  {
    name: 'S6_CMD_WAIT_FOR_SERVICES_MAXTIME',
    ms: true,
    default: '0',
    meaning:
      'Limit (ms) for the whole boot, cont-init.d included; 0 means none. The default was 5000 up to 3.1.6.2.',
  },
  {
    name: 'S6_READ_ONLY_ROOT',
    default: '0',
    choices: ['0', '1'],
    meaning: 'Support a read-only root filesystem.',
  },
  { name: 'S6_SYNC_DISKS', default: '0', choices: ['0', '1'], meaning: 'Sync disks at stop.' },
  {
    name: 'S6_STAGE2_HOOK',
    default: '',
    meaning:
      'A command run before the service database is compiled, split on blanks and not run by a shell (no pipes, quotes or ;): point it at a script. It may edit the source trees.',
  },
  {
    name: 'S6_VERBOSITY',
    default: '2',
    choices: ['0', '1', '2', '3', '4', '5'],
    meaning: 'How much s6-overlay says, 0 to 5.',
  },
  {
    name: 'S6_CMD_RECEIVE_SIGNALS',
    default: '0',
    choices: ['0', '1'],
    meaning: '1 forwards TERM, QUIT, INT, USR1, USR2, PWR and WINCH to the CMD.',
  },
  {
    name: 'S6_YES_I_WANT_A_WORLD_WRITABLE_RUN_BECAUSE_KUBERNETES',
    default: '0',
    choices: ['0', '1'],
    meaning: 'Boot as non-root with a 0777 /run.',
  },
  {
    name: 'S6_WAIT_FOR_CLOSING_FD',
    default: '0',
    meaning: 'An fd (3 or more) to wait on for EOF before booting.',
  },
  {
    name: 'S6_RUNTIME_BUNDLEDIR',
    default: '/etc/s6-overlay/user-bundles.d',
    meaning: 'Where the user and user2 bundles live (3.2.3.1 and later).',
  },
  {
    name: 'S6_RUNTIME_PROFILE',
    default: '',
    meaning: 'Use /etc/cont-profile.d/<profile>/s6-overlay instead.',
  },
]

/** The default value of an S6_* setting for a target release (some changed between releases). */
export function s6Default(name: string, overlayVersion: string): string | undefined {
  if (name === 'S6_CMD_WAIT_FOR_SERVICES_MAXTIME') {
    const r = overlayRelease(overlayVersion)
    return String(r?.waitForServicesMaxtimeDefault ?? 0)
  }
  return S6_SETTINGS.find((s) => s.name === name)?.default
}

/** The effective value of an S6_* setting in a project: its override, else the default. */
export function s6Value(
  s6Env: Record<string, string>,
  name: string,
  overlayVersion: string,
): string {
  return s6Env[name] ?? s6Default(name, overlayVersion) ?? ''
}

/** What the container does when the boot's start fails, and the setting's value that says so. */
export interface BootFailureBehaviour {
  value: 0 | 1 | 2
  /** "carries on", "carries on, with a warning" or "stops". */
  what: string
}

/**
 * What s6-overlay does when the boot's start fails (S6_BEHAVIOUR_IF_STAGE2_FAILS): the container
 * carries on, carries on with a warning, or stops. An unknown value counts as the default, 0.
 */
export function bootFailureBehaviour(project: {
  s6Env?: Record<string, string>
  overlayVersion: string
}): BootFailureBehaviour {
  const value = s6Value(project.s6Env ?? {}, 'S6_BEHAVIOUR_IF_STAGE2_FAILS', project.overlayVersion)
  if (value === '2') return { value: 2, what: 'stops' }
  if (value === '1') return { value: 1, what: 'carries on, with a warning' }
  return { value: 0, what: 'carries on' }
}

/**
 * The boot-wide start limit in ms (S6_CMD_WAIT_FOR_SERVICES_MAXTIME, s6-rc's -t at boot), 0 for
 * none. Unset, it is none whatever the release's default: the export then writes 0 for the
 * releases whose default is 5 s (so each timeout-up decides), as the Dockerfile says.
 */
export function bootLimitMs(project: {
  s6Env?: Record<string, string>
  overlayVersion: string
}): number {
  if (project.s6Env?.S6_CMD_WAIT_FOR_SERVICES_MAXTIME === undefined) return 0
  const raw = s6Value(
    project.s6Env,
    'S6_CMD_WAIT_FOR_SERVICES_MAXTIME',
    project.overlayVersion,
  ).trim()
  return /^\d+$/.test(raw) ? Number(raw) : 0
}

/** Signal names s6 knows (skalibs `sig_number`), without the SIG prefix. */
const SIGNALS = new Set(
  'HUP INT QUIT ILL TRAP ABRT IOT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO POLL PWR SYS'.split(
    ' ',
  ),
)

/** Whether `value` can be written to down-signal at all: one word of letters, digits, + and -. */
export function isSignalWord(value: string): boolean {
  return /^[A-Za-z0-9+-]+$/.test(value)
}

/** Whether s6-supervise understands a `down-signal` value (name ± SIG, any case, or number). */
export function isKnownSignal(value: string): boolean {
  const v = value.trim().toUpperCase()
  if (/^\d+$/.test(v)) return Number(v) >= 1 && Number(v) <= 64
  return SIGNALS.has(v.startsWith('SIG') ? v.slice(3) : v)
}

/**
 * The signal s6-supervise sends to stop a longrun: its `down-signal` when s6 knows it, else
 * SIGTERM (what it sends for a value it cannot read, and without the file).
 */
export function sentSignal(downSignal: string | undefined): string {
  const signal = downSignal?.trim()
  return signal && isKnownSignal(signal) ? signal : 'SIGTERM'
}

/**
 * Signals to offer for a longrun's `down-signal` besides s6's default, SIGTERM. SIGSTOP is left
 * out: it pauses the daemon instead of ending it, so the service only goes down at its kill
 * timeout (a design that names it still keeps it).
 */
export const DOWN_SIGNALS = [
  'SIGINT',
  'SIGQUIT',
  'SIGHUP',
  'SIGUSR1',
  'SIGUSR2',
  'SIGKILL',
  'SIGWINCH',
  'SIGALRM',
  'SIGABRT',
] as const

/** `docker stop`'s default grace period before SIGKILL, in ms. */
export const DOCKER_STOP_DEFAULT_MS = 10_000
