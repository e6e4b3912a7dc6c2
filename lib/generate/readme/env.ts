/** README: environment variables, grouped by their `group`, container-wide and per service. */
import { S6_SETTINGS, s6Default } from '../../graph/overlay'
import type { EnvVar } from '../../graph/types'
import { SOURCE_DIR } from '../service-dir'
import { isDockerEnvName, isDockerEnvValue } from '../dockerfile-quote'
import type { ReadmeFacts } from './facts'
import { cellCode, code, table, text } from './markdown'

/** Services with env above which the per-service tables merge into one table per group. */
const COMPACT_ABOVE = 20

function groups<V extends EnvVar>(vars: readonly V[]): Array<[string, V[]]> {
  const map = new Map<string, V[]>()
  for (const v of vars) {
    const g = v.group?.trim() || 'Other'
    const list = map.get(g)
    if (list) list.push(v)
    else map.set(g, [v])
  }
  return [...map.entries()]
}

/** A variable's default as the export writes it (`inDockerfile`: a container variable). */
function defaultCell(v: EnvVar, inDockerfile: boolean): string {
  if (v.secret) return '*secret: give it at run time*'
  if (inDockerfile && !isDockerEnvValue(v.value))
    return '*give it at run time: a line break cannot be an ENV default*'
  return v.value === '' ? '*(empty)*' : cellCode(v.value)
}

function rows(vars: readonly EnvVar[], inDockerfile = false): string[][] {
  return vars.map((v) => [
    cellCode(v.name),
    defaultCell(v, inDockerfile),
    text(v.description ?? ''),
  ])
}

function s6Rows(f: ReadmeFacts): string[][] {
  const s6Env = { ...(f.ctx.graph.project.s6Env ?? {}) }
  if (
    f.ctx.release.waitForServicesMaxtimeDefault !== 0 &&
    s6Env.S6_CMD_WAIT_FOR_SERVICES_MAXTIME === undefined
  ) {
    s6Env.S6_CMD_WAIT_FOR_SERVICES_MAXTIME = '0'
  }
  return Object.keys(s6Env)
    .sort()
    .map((name) => {
      const meaning = S6_SETTINGS.find((s) => s.name === name)?.meaning ?? ''
      const def = s6Default(name, f.ctx.release.version)
      return [
        cellCode(name),
        cellCode(s6Env[name]),
        def === undefined ? '' : def === '' ? '*(unset)*' : cellCode(def),
        text(meaning),
      ]
    })
}

/** "Environment variables": container, per-service (by group) and S6_* settings tables. */
export function envSection(f: ReadmeFacts): string[] {
  const { project } = f.ctx.graph
  const out = ['## Environment variables', '']
  const header = ['Variable', 'Default', 'Meaning']
  if ((project.env ?? []).length > 0) {
    out.push(
      '### Container',
      '',
      `Set with ${code('ENV')} in the Dockerfile; ${code('docker run -e NAME=value')} overrides them. Services started through ${code('with-contenv')} see them. Secrets get no value in the image: always pass them at run time.`,
      '',
    )
    // What the Dockerfile writes: a name ENV cannot take is left out there, and so here.
    const written = project.env.filter((v) => isDockerEnvName(v.name))
    // No group given: one table, no "Other" heading; no description: no Meaning column.
    const described = written.some((v) => (v.description ?? '').trim() !== '')
    const columns = (r: string[][]) => (described ? r : r.map((cells) => cells.slice(0, 2)))
    const head = described ? header : header.slice(0, 2)
    if (written.every((v) => !v.group?.trim()))
      out.push(...table(head, columns(rows(written, true))), '')
    else
      for (const [g, vars] of groups(written))
        out.push(`#### ${text(g)}`, '', ...table(head, columns(rows(vars, true))), '')
  }
  const withEnv = f.longruns.filter(([, s]) => (s.env ?? []).length > 0)
  if (withEnv.length > 0) {
    out.push(
      '### Per service',
      '',
      `Each is a file in the service's ${code('env/')} folder, loaded by its run script after the container's variables, so it wins over ${code('docker run -e')} for that service. Change it in the design, or remove it there to let the container's value through. Secrets are not written: give them to the container and ${code('with-contenv')} passes them on.`,
      '',
    )
    if (withEnv.length > COMPACT_ABOVE) {
      // Many services: one table per group, with the service as a column.
      const all = withEnv.flatMap(([name, s]) => s.env.map((v) => ({ ...v, service: name })))
      for (const [g, vars] of groups(all)) {
        const withService = vars.map((v) => [cellCode(v.service), ...(rows([v])[0] ?? [])])
        out.push(`#### ${text(g)}`, '', ...table(['Service', ...header], withService), '')
      }
    } else
      for (const [name, s] of withEnv) {
        for (const [g, vars] of groups(s.env)) {
          out.push(
            `#### ${text(name)}: ${text(g)}`,
            '',
            `In ${code(`${SOURCE_DIR}/${name}/env/`)}.`,
            '',
            ...table(header, rows(vars)),
            '',
          )
        }
      }
  }
  const s6 = s6Rows(f)
  if (s6.length > 0) {
    out.push(
      '### s6-overlay settings',
      '',
      'The design sets these; the Dockerfile writes each one (even one equal to the default of this release, so that it holds for another release too).',
      '',
      ...table(['Variable', 'Value', 'Default', 'Effect'], s6),
      '',
    )
  }
  out.push(
    `${code('PATH')} gets ${code('/command')} appended in the Dockerfile, so ${code('docker exec')} and the health check find s6's tools by name; services always have it.`,
    '',
  )
  return out
}
