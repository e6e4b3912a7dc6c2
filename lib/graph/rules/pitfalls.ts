/**
 * s6-overlay pitfalls (FORMAT §5, §6): services that never start, races with cont-init.d,
 * loggers without a writable directory, readiness that can hold the boot forever, stops slower
 * than `docker stop`, boot time limits, and project settings the export depends on.
 */
import { isImageReference, isStageName, normalizeRepoDir } from '../../generate/safe-path'
import { isDockerEnvName, isDockerEnvValue } from '../../generate/dockerfile-quote'
import { bootLimitMs, OVERLAY_BUNDLES, S6_SETTINGS, SUPPORTED_OVERLAY_VERSIONS } from '../overlay'
import { closureIds, directAtomicNeeds, idsOf, neededByIds, resolveGraph } from '../resolve'
import { computeStartPlan } from '../../plan/start-plan'
import { computeStopPlan } from '../../plan/stop-plan'
import { bootTargets } from '../../plan/plan'
import type { ServiceName } from '../types'
import type { Findings } from './report'
import { seconds, show, showValue } from './report'
import type { Context } from './structure'

const LOGGER_RUN = /(^|[\s;({])(logutil-service|s6-log)(\s|$)/

/** Reachability, base ordering and logger rules on the resolved graph. */
function checkGraphPitfalls(ctx: Context, out: Findings): void {
  const { graph } = ctx.shaped
  const r = ctx.resolved ?? resolveGraph(graph, { context: 'overlay' })
  const booted = new Uint8Array(r.names.length)
  if (Object.hasOwn(graph.services, 'user')) {
    for (const id of closureIds(r, idsOf(r, ['top']))) booted[id] = 1
  }
  // "Being up implies legacy-cont-init (cont-init.d) has run": whatever needs it, directly or
  // not (so also behind a dependency cycle).
  const afterBase = new Uint8Array(r.names.length)
  const cont = r.ids.get('legacy-cont-init')
  if (cont !== undefined) {
    afterBase[cont] = 1
    for (const id of neededByIds(r, [cont])) afterBase[id] = 1
  }
  const seen = new Int32Array(r.names.length).fill(-1)
  for (const name of ctx.names) {
    const id = r.ids.get(name)!
    const s = graph.services[name]!
    if (s.type === 'bundle' || r.overlay[id]) continue
    if (Object.hasOwn(graph.services, 'user') && !booted[id]) {
      out.add({
        code: 'not-started',
        service: name,
        message: `${show(name)} is never started: nothing in the user bundle brings it up, directly, through a bundle or as a dependency.`,
        fix: `Add ${show(name)} to the user bundle, or make a service in it depend on ${show(name)}.`,
      })
    }
    if (!graph.project.dependOnBase && !afterBase[id]) {
      out.add({
        code: 'no-base-dependency',
        service: name,
        field: 'dependencies',
        file: 'dependencies.d/base',
        message: `${show(name)} may start before s6-overlay's cont-init.d scripts have run: it does not depend on base, directly or through its dependencies.`,
      })
    }
    if (s.type !== 'longrun' || (s.consumerFor ?? []).length === 0) continue
    const logutil = /(^|\s)logutil-service(\s|$)/.test(s.run.body)
    if (LOGGER_RUN.test(s.run.body)) {
      const needs = directAtomicNeeds(r, id, seen, id)
      if (!needs.some((w) => r.kinds[w] === 'oneshot' && !r.overlay[w])) {
        out.add({
          code: 'logger-without-prepare',
          service: name,
          field: 'dependencies',
          message: `${show(name)} writes logs, but no oneshot prepares its log directory before it starts; s6-log may not be able to write there.`,
        })
      }
    }
    if (logutil && s.readiness) {
      out.add({
        code: 'logutil-readiness',
        service: name,
        field: 'readiness.notificationFd',
        file: 'notification-fd',
        message: `${show(name)} runs logutil-service, which never signals readiness, yet it has a notification fd; s6-rc would wait for it until timeout-up.`,
      })
    }
  }
}

function checkStop(ctx: Context, targets: ServiceName[], out: Findings): void {
  const plan = computeStopPlan(ctx.shaped.graph, targets, ctx.resolved)
  for (const step of plan.steps) {
    if (step.budgetMs !== null || step.overlay) continue
    const s = ctx.shaped.graph.services[step.name]
    const field =
      s?.type === 'longrun'
        ? step.killAfterMs === null
          ? 'timeoutKill'
          : 'timeoutFinish'
        : 'timeoutDown'
    const why =
      field === 'timeoutKill'
        ? 'has no timeout-kill, so s6 never sends it SIGKILL'
        : field === 'timeoutFinish'
          ? 'has a finish script without a time limit (timeout-finish 0)'
          : 'has a down script without timeout-down'
    out.add({
      code: 'stop-unbounded',
      service: step.name,
      field,
      file:
        field === 'timeoutKill'
          ? 'timeout-kill'
          : field === 'timeoutFinish'
            ? 'timeout-finish'
            : 'timeout-down',
      message: `${show(step.name)} ${why}: if it ignores its down signal, the container's stop waits until docker stop kills everything.`,
    })
  }
  // Over docker stop even with each unbounded step counted as 0: said as a warning too.
  if (plan.atLeastMs >= plan.dockerStopMs) {
    const slowest = plan.steps
      .filter((s) => (s.budgetMs ?? 0) > 0)
      .sort((a, b) => b.budgetMs! - a.budgetMs! || (a.name < b.name ? -1 : 1))
      .slice(0, 3)
      .map((s) => `${show(s.name)} ${seconds(s.budgetMs!)}`)
    const services = plan.atLeastMs - plan.killGraceMs
    out.add({
      code: 'stop-over-docker-stop',
      message:
        plan.totalMs === null
          ? `Stopping takes at least ${seconds(plan.atLeastMs)} (${seconds(services)} for the services with a time limit, in order, then S6_KILL_GRACETIME ${seconds(plan.killGraceMs)}), more than the ${seconds(plan.dockerStopMs)} docker stop waits, and more if a service without a limit holds it. Slowest steps: ${slowest.join(', ')}.`
          : `Stopping may take up to ${seconds(plan.totalMs)} (${seconds(services)} for the services in order, then S6_KILL_GRACETIME ${seconds(plan.killGraceMs)}), more than the ${seconds(plan.dockerStopMs)} docker stop waits. Slowest steps: ${slowest.join(', ')}.`,
    })
  }
}

function checkBootTime(ctx: Context, targets: ServiceName[], out: Findings): void {
  const limit = bootLimitMs(ctx.shaped.graph.project)
  if (limit === 0) return
  const plan = computeStartPlan(ctx.shaped.graph, targets, ctx.resolved)
  if (plan.totalMs > limit) {
    out.add({
      code: 'boot-timeout',
      field: 'project.s6Env.S6_CMD_WAIT_FOR_SERVICES_MAXTIME',
      message: `The services are estimated to need ${seconds(plan.totalMs)} to start, but S6_CMD_WAIT_FOR_SERVICES_MAXTIME stops the boot after ${seconds(limit)}.`,
    })
  }
  for (const entry of plan.timeline) {
    if (entry.timeoutMs !== undefined && entry.timeoutMs > limit) {
      out.add({
        code: 'boot-timeout',
        service: entry.name,
        field: 'timeoutUp',
        file: 'timeout-up',
        message: `${show(entry.name)} may take up to ${seconds(entry.timeoutMs)} to start (timeout-up), but S6_CMD_WAIT_FOR_SERVICES_MAXTIME stops the boot after ${seconds(limit)}.`,
      })
    }
  }
}

const readinessSigns = new Map<number, RegExp>()

/**
 * Whether a run script shows a sign that its daemon signals readiness on `fd` itself: s6-log
 * -d3, a --notify-fd style option, a redirection to the fd.
 */
function signalsReadiness(body: string, fd: number): boolean {
  let sign = readinessSigns.get(fd)
  if (!sign) {
    sign = new RegExp(`-d\\s*${fd}\\b|notif|ready|>&\\s*${fd}\\b|\\b${fd}>`, 'i')
    // Kept for the usual descriptors only, so odd input cannot grow the cache.
    if (fd < 64) readinessSigns.set(fd, sign)
  }
  return sign.test(body)
}

/**
 * Readiness that can hold the boot forever (FORMAT §4, §6.7): a notification fd nothing is
 * seen to write to, and a wait for readiness with no time limit at all.
 */
function checkReadiness(ctx: Context, out: Findings): void {
  const { graph } = ctx.shaped
  const unbounded = bootLimitMs(ctx.shaped.graph.project) === 0
  for (const name of ctx.names) {
    const s = graph.services[name]!
    if (s.type !== 'longrun' || !s.readiness) continue
    const fd = s.readiness.notificationFd
    if (!Number.isInteger(fd) || fd < 3) continue
    const hasCheck = typeof s.readiness.check === 'string' && s.readiness.check.trim() !== ''
    if (!hasCheck && !signalsReadiness(s.run.body, fd)) {
      out.add({
        code: 'readiness-without-check',
        service: name,
        field: 'readiness.check',
        file: 'notification-fd',
        message: `${show(name)} signals readiness on fd ${fd}, but has no ready check and its run script shows no sign of writing there: unless the daemon writes a newline to fd ${fd} itself (s6-log -d${fd} does, most daemons do not), ${show(name)} never counts as up, and what needs it never starts.`,
        fix: `Give ${show(name)} a ready check (a command that succeeds once it serves), or turn Readiness off.`,
      })
    }
    if (unbounded && !(typeof s.timeoutUp === 'number' && s.timeoutUp > 0)) {
      out.add({
        code: 'readiness-unbounded',
        service: name,
        field: 'timeoutUp',
        file: 'timeout-up',
        message: `${show(name)} waits to be ready with no start timeout, and the boot has no time limit (S6_CMD_WAIT_FOR_SERVICES_MAXTIME is 0): if it never becomes ready, the boot waits forever, what needs it never starts and the container's command never runs.`,
        fix: `Set a start timeout on ${show(name)}, so that s6-rc gives up and reports it, or a limit for the whole boot.`,
      })
    }
  }
}

/** The S6_* settings: known names, numbers where s6-overlay reads numbers, one of the choices. */
function checkS6Settings(s6Env: Record<string, string>, out: Findings): void {
  for (const [name, raw] of Object.entries(s6Env)) {
    const field = `project.s6Env.${name}`
    // Written as a Dockerfile ENV: a name or value that cannot be one is left out.
    if (!isDockerEnvName(name) || !isDockerEnvValue(String(raw))) {
      out.add({
        code: 's6-setting-invalid',
        field,
        message: isDockerEnvName(name)
          ? `${name} holds a line break or a NUL byte, which a Dockerfile ENV cannot hold; the export would leave it out.`
          : `${showValue(name)} is not a name a Dockerfile ENV can set; the export would leave it out.`,
        fix: 'Use a setting name from the list, with a one-line value.',
      })
      continue
    }
    const setting = S6_SETTINGS.find((s) => s.name === name)
    if (!setting) {
      out.add({
        code: 's6-setting-unknown',
        field,
        message: name.startsWith('S6_')
          ? `s6-overlay has no setting ${show(name)}: the Dockerfile sets it, and nothing reads it.`
          : `${show(name)} is not an s6-overlay setting; it is written as ENV all the same.`,
        fix: name.startsWith('S6_')
          ? 'Check the spelling against the s6-overlay settings list, or remove it.'
          : 'Put ordinary variables in the container environment instead.',
      })
      continue
    }
    const value = String(raw).trim()
    const problem =
      setting.ms && !/^\d+$/.test(value)
        ? 'not a whole number of milliseconds'
        : setting.choices && !setting.choices.includes(value)
          ? `not one of ${setting.choices.join(', ')}`
          : undefined
    if (problem)
      out.add({
        code: 's6-setting-invalid',
        field,
        message: `${name} is ${showValue(raw)}, ${problem}: s6-overlay would read it wrongly or not at all.`,
        fix: setting.ms
          ? `Give ${name} in milliseconds, for example ${setting.default || '0'}.`
          : `Choose one of ${setting.choices!.join(', ')}.`,
      })
  }
}

function checkProject(ctx: Context, out: Findings): void {
  const { graph } = ctx.shaped
  const version = graph.project.overlayVersion
  if (!SUPPORTED_OVERLAY_VERSIONS.includes(version)) {
    out.add({
      code: 'overlay-version',
      field: 'project.overlayVersion',
      message: `s6-overlay ${showValue(version)} is not a version the designer supports (${SUPPORTED_OVERLAY_VERSIONS.join(', ')}).`,
    })
  }
  // What the export would quietly replace: said here, as the user types, not only on download.
  const { baseImage, stageName, repoDir } = graph.project
  if (!isImageReference(baseImage)) {
    out.add({
      code: 'export-base-image',
      field: 'project.baseImage',
      message: `The base image ${showValue(baseImage)} is not an image reference (one word, no spaces or quotes); the export would use debian:bookworm-slim.`,
    })
  }
  // FORMAT §6: scratch and distroless images have no /bin/sh, which /init itself needs.
  if (
    isImageReference(baseImage) &&
    /^scratch$|(^|\/)distroless\//.test(baseImage.trim()) &&
    !/:debug(-[a-z0-9]+)?$/.test(baseImage.trim())
  ) {
    out.add({
      code: 'base-image-no-shell',
      field: 'project.baseImage',
      message: `The base image ${showValue(baseImage)} has no /bin/sh: s6-overlay's /init is a shell script, and so are the Dockerfile's RUN steps and the sh scripts of the services.`,
      fix: 'Use an image with a shell (debian:bookworm-slim, alpine…), and copy your program into it.',
    })
  }
  if (!isStageName(stageName)) {
    out.add({
      code: 'export-stage-name',
      field: 'project.stageName',
      message: `${showValue(stageName)} is not a Docker stage name; the export would use final-s6.`,
    })
  }
  if (normalizeRepoDir(repoDir) === undefined) {
    out.add({
      code: 'export-unsafe-path',
      field: 'project.repoDir',
      message: repoDir.includes('$')
        ? `The project folder ${showValue(repoDir)} holds a "$", which Docker expands in the COPY line, so the build would not find the files; the export would use docker/s6.`
        : `The project folder ${showValue(repoDir)} leaves the repository; the export would use docker/s6.`,
    })
  }
  checkS6Settings(graph.project.s6Env ?? {}, out)
  const url = graph.project.healthcheck?.url
  if (typeof url === 'string' && /[\s\0]/.test(url)) {
    out.add({
      code: 'export-healthcheck-url',
      field: 'project.healthcheck.url',
      message: `The health check URL ${showValue(url)} holds blanks or control characters; the export would leave the HTTP probe out.`,
    })
  }
  graph.project.healthcheck?.services.forEach((name, i) => {
    const s = Object.hasOwn(graph.services, name) ? graph.services[name] : undefined
    if (s?.type === 'longrun') return
    out.add({
      code: 'healthcheck-service',
      field: `project.healthcheck.services.${i}`,
      message: s
        ? `The health check watches ${show(name)}, which is a ${s.type}, not a longrun.`
        : `The health check watches ${show(name)}, which is not defined.`,
    })
  })
}

/** Every s6-overlay pitfall rule (overlay context only). */
export function checkPitfalls(ctx: Context, out: Findings): void {
  const booted = OVERLAY_BUNDLES.some((t) => Object.hasOwn(ctx.shaped.graph.services, t))
  checkProject(ctx, out)
  checkGraphPitfalls(ctx, out)
  checkReadiness(ctx, out)
  if (!booted) return
  // What the container boots and stops: s6-overlay's top (user, user2 and its own).
  checkStop(ctx, bootTargets(), out)
  checkBootTime(ctx, bootTargets(), out)
}
