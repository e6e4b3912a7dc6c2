/**
 * The Dockerfile HEALTHCHECK: each chosen longrun must be up in s6's eyes (and ready, when it
 * signals readiness), then the optional HTTP probe must answer. `s6-svstat -o up,ready` prints
 * `true true` for an up and ready service (s6 `doc/s6-svstat.html`); s6-overlay's scandir is
 * /run/service (FORMAT §5).
 */
import type { Longrun } from '../graph/types'
import { oneLine, report } from './context'
import type { ExportContext } from './context'
import { isSafeName } from './safe-path'
import { shellWord } from './scripts'

/** The longruns the health check watches, with whether each signals readiness. */
export function healthServices(ctx: ExportContext): Array<{ name: string; ready: boolean }> {
  const hc = ctx.graph.project.healthcheck
  if (!hc) return []
  const out: Array<{ name: string; ready: boolean }> = []
  for (const name of hc.services ?? []) {
    const s = ctx.graph.services[name]
    if (!isSafeName(name) || s?.type !== 'longrun') {
      report(
        ctx,
        'export-healthcheck-service',
        'warning',
        `The health check names ${JSON.stringify(name)}, which is not a longrun of this design; it was left out of HEALTHCHECK.`,
        {
          field: 'healthcheck.services',
          fix: 'Pick longruns: only they have a supervisor s6-svstat can ask.',
        },
      )
      continue
    }
    out.push({ name, ready: (s as Longrun).readiness !== undefined })
  }
  return out
}

/** Whether the HTTP probe can take `url`: no blanks or control characters. */
function probedUrl(url: string): boolean {
  return !/[\s\0-\x1f\x7f]/.test(url)
}

/** The shell command HEALTHCHECK runs, or undefined when there is nothing to check. */
export function healthCommand(ctx: ExportContext): string | undefined {
  const hc = ctx.graph.project.healthcheck
  if (!hc) return undefined
  // Each name quoted for the shell HEALTHCHECK runs (a name with a space or a $ is only warned).
  const checks = healthServices(ctx).map(({ name, ready }) =>
    ready
      ? `[ "$(/command/s6-svstat -o up,ready ${shellWord(`/run/service/${name}`)})" = "true true" ]`
      : `[ "$(/command/s6-svstat -o up ${shellWord(`/run/service/${name}`)})" = true ]`,
  )
  if (hc.url !== undefined && hc.url !== '') {
    if (!probedUrl(hc.url)) {
      report(
        ctx,
        'export-healthcheck-url',
        'error',
        `The health check URL ${JSON.stringify(hc.url)} holds blanks or control characters; the HTTP probe was left out.`,
        {
          field: 'healthcheck.url',
        },
      )
    } else checks.push(`curl -fsS -o /dev/null ${shellWord(hc.url)}`)
  }
  return checks.length > 0 ? `${checks.join(' && ')} || exit 1` : undefined
}

function seconds(flag: string, value: number | undefined, min: number): string | undefined {
  return Number.isInteger(value) && (value as number) >= min ? `--${flag}=${value}s` : undefined
}

/** The HEALTHCHECK lines of the Dockerfile (with a blank line before), or none. */
export function healthcheckLines(ctx: ExportContext): string[] {
  const hc = ctx.graph.project.healthcheck
  if (!hc) return []
  const command = healthCommand(ctx)
  if (command === undefined) {
    report(
      ctx,
      'export-healthcheck-empty',
      'warning',
      'The health check names no longrun and no URL; HEALTHCHECK was left out.',
      {
        field: 'healthcheck',
      },
    )
    return []
  }
  const flags = [
    seconds('interval', hc.intervalS, 1),
    seconds('timeout', hc.timeoutS, 1),
    seconds('start-period', hc.startPeriodS, 1),
    Number.isInteger(hc.retries) && hc.retries >= 1 ? `--retries=${hc.retries}` : undefined,
  ].filter((f): f is string => f !== undefined)
  const watched = healthServices(ctx).map((s) => s.name)
  // Only what the command checks, on one comment line (a line break would end the comment).
  const url = hc.url && probedUrl(hc.url) ? hc.url : undefined
  const what = [
    watched.length > 0 ? `s6 reports ${watched.join(', ')} up` : undefined,
    url ? `${url} answers` : undefined,
  ].filter(Boolean)
  const out = ['', oneLine(`# Healthy while ${what.join(' and ')}.`)]
  if (url)
    out.push(
      '# The probe needs curl in the image; not every base image has it (the install step above adds it where it can).',
    )
  out.push(`HEALTHCHECK ${flags.join(' ')} \\`, `    CMD ${command}`)
  return out
}
