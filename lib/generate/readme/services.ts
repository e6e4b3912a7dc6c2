/** README: each service and its role, from the graph's descriptions and settings. */
import { sentSignal } from '../../graph/overlay'
import type { Longrun, Oneshot, ServiceName } from '../../graph/types'
import { SCRIPTS_DIR, shellWord } from '../scripts'
import type { ReadmeFacts } from './facts'
import { logDirectory } from './facts'
import { code, duration, listing, text } from './markdown'

function deps(f: ReadmeFacts, list: readonly ServiceName[]): string {
  const own = list.filter((d) => d !== 'base')
  return own.length > 0 ? ` Waits for ${listing(own.map((d) => code(d)))}.` : ''
}

/** A service's description as the first sentence of its item (nothing when it has none). */
function lead(description: string | undefined): string {
  const d = (description ?? '').trim()
  if (d === '') return ''
  return ` ${text(d)}${/[.!?:]$/.test(d) ? '' : '.'}`
}

function oneshotItem(f: ReadmeFacts, name: ServiceName, s: Oneshot): string {
  const parts = [`- **${text(name)}**:${lead(s.description)}`]
  parts.push(
    ` Runs ${code(`${SCRIPTS_DIR}/${name}`)}${s.down ? `, and ${code(`${SCRIPTS_DIR}/${name}-down`)} when stopped` : ''}.`,
  )
  parts.push(deps(f, s.dependencies ?? []))
  if (s.timeoutUp) parts.push(` Fails if it takes longer than ${duration(s.timeoutUp)}.`)
  if (!f.boot.has(name)) parts.push(' Not started at boot (see below).')
  return parts.join('')
}

function processText(s: Longrun): string {
  if (!s.process) return ''
  const kids = (s.children ?? []).map(
    (c) => `${text(c.name)}${c.count !== undefined ? ` × ${text(c.count)}` : ''}`,
  )
  return ` Process: ${code(s.process)}${kids.length > 0 ? `, forking ${listing(kids)}` : ''}.`
}

function longrunItem(f: ReadmeFacts, name: ServiceName, s: Longrun): string {
  const parts = [`- **${text(name)}**:${lead(s.description)}`]
  parts.push(processText(s))
  parts.push(deps(f, s.dependencies ?? []))
  if (s.readiness) {
    parts.push(
      s.readiness.check
        ? ` Counts as ready once ${code(s.readiness.check)} succeeds (checked by s6-notifyoncheck).`
        : ` Counts as ready when it writes a newline to fd ${s.readiness.notificationFd}.`,
    )
  }
  const signal = sentSignal(s.downSignal)
  parts.push(
    s.essential
      ? ` Flagged essential: the shutdown leaves it running, with what it depends on, until the last SIGTERM and SIGKILL.`
      : s.timeoutKill
        ? ` Stopped with ${signal}, then SIGKILL after ${duration(s.timeoutKill)}.`
        : ` Stopped with ${signal}; never force-killed by s6 (no ${code('timeout-kill')}).`,
  )
  if (s.producerFor) parts.push(` Its output goes to ${code(s.producerFor)}.`)
  const dir = s.consumerFor ? logDirectory(s) : undefined
  if (s.consumerFor)
    parts.push(
      ` Reads the output of ${listing(s.consumerFor.map((c) => code(c)))}${dir ? ` into ${code(dir)}` : ''}.`,
    )
  if (!f.boot.has(name)) parts.push(' Not started at boot (see below).')
  return parts.join('')
}

/** "Services": each oneshot, longrun, bundle and pipeline with its role. */
export function servicesSection(f: ReadmeFacts): string[] {
  const out = ['## Services', '']
  if (f.oneshots.length > 0) {
    out.push(
      '### One-time tasks (oneshots)',
      '',
      'Each runs once per container start, before what depends on it; if one fails, nothing that depends on it starts.',
      '',
    )
    for (const [n, s] of f.oneshots) out.push(oneshotItem(f, n, s))
    out.push('')
  }
  if (f.longruns.length > 0) {
    out.push(
      '### Supervised processes (longruns)',
      '',
      'Each runs in the foreground under its own s6-supervise, which starts it again whenever it exits.',
      '',
    )
    for (const [n, s] of f.longruns) out.push(longrunItem(f, n, s))
    out.push('')
  }
  const user = f.ctx.graph.services.user
  out.push('### Bundles', '')
  if (user?.type === 'bundle') {
    const members = user.contents ?? []
    out.push(
      `- **user** (s6-overlay's own): what the container starts at boot: ${members.length > 0 ? listing(members.map((m) => code(m))) : 'nothing yet'}, with everything they depend on.`,
    )
  }
  for (const [n, b] of f.bundles) {
    out.push(
      `- **${text(n)}**: ${text(b.description ?? 'a named group')} Members: ${listing((b.contents ?? []).map((m) => code(m))) || 'none'}.`,
    )
  }
  for (const p of f.pipelines) {
    out.push(
      `- **${text(p.name)}** (pipeline): ${listing(p.members.map((m) => code(m)))}, output flowing to the last; s6-rc keeps the pipe open across restarts of either side.`,
    )
  }
  out.push('')
  const idle = [...f.oneshots, ...f.longruns].map(([n]) => n).filter((n) => !f.boot.has(n))
  if (idle.length > 0) {
    out.push(
      '### Not started at boot',
      '',
      `${listing(idle.map((n) => code(n)))} ${idle.length === 1 ? 'is' : 'are'} defined but neither in the ${code('user')} bundle nor needed by anything in it. Start one by hand with ${code(`s6-rc -u change ${shellWord(idle[0] as string)}`)}, or add it to ${code('user')} in s6 Designer.`,
      '',
    )
  }
  return out
}
