/**
 * README: logs, status and control commands, and the problems people hit, derived from the
 * graph. Commands are the ones s6, s6-rc and s6-overlay v3 really have: the live state is in
 * /run/s6-rc, the supervised services in /run/service (FORMAT §5; s6-rc `doc/faq.html`).
 */
import { stopSeconds } from './architecture'
import { s6Value } from '../../graph/overlay'
import type { ReadmeFacts } from './facts'
import { logDirectory } from './facts'
import { block, code, duration, listing, plainInShell } from './markdown'
import { shellWord } from '../scripts'

/** "Logs": docker logs by default, the catch-all logger, and each pipeline's log folder. */
export function logsSection(f: ReadmeFacts): string[] {
  const c = f.container
  const out = ['## Logs', '']
  const logging = s6Value(f.ctx.graph.project.s6Env ?? {}, 'S6_LOGGING', f.ctx.release.version)
  const producers = new Set(f.longruns.filter(([, s]) => s.producerFor).map(([n]) => n))
  const direct = [
    ...f.longruns.map(([n]) => n).filter((n) => !producers.has(n)),
    ...f.oneshots.map(([n]) => n),
  ]
  if (logging === '0') {
    out.push(
      `${direct.length > 0 ? `The output of ${listing(direct.map((n) => code(n)))}` : 'Output'} goes to the container's own output:`,
      '',
      ...block('sh', [`docker logs -f ${c}`]),
      '',
    )
  } else {
    out.push(
      `${code('S6_LOGGING')} is ${code(logging)}: output without a logger of its own goes to s6-overlay's catch-all logger:`,
      '',
      ...block('sh', [`docker exec ${c} tail -F /var/log/s6-uncaught-logs/current`]),
      '',
    )
  }
  const loggers = f.longruns.filter(([, s]) => s.consumerFor && s.consumerFor.length > 0)
  for (const [name, s] of loggers) {
    const dir = logDirectory(s)
    const sources = listing((s.consumerFor ?? []).map((p) => code(p)))
    if (dir) {
      out.push(
        `${sources} ${s.consumerFor?.length === 1 ? 'writes' : 'write'} to ${code(name)}, which keeps rotated files in ${code(dir)}; the one being written is ${code('current')}:`,
        '',
        ...block('sh', [`docker exec ${c} tail -F ${shellWord(`${dir}/current`)}`]),
        '',
      )
    } else {
      out.push(
        `${sources} ${s.consumerFor?.length === 1 ? 'writes' : 'write'} to ${code(name)}; where it keeps the output is up to its run script.`,
        '',
      )
    }
  }
  return out
}

/** "Debugging": s6-rc, s6-rc-db, s6-svstat and s6-svc commands for a running container. */
export function debuggingSection(f: ReadmeFacts): string[] {
  const c = f.container
  const lr = f.longrunOrder.find(plainInShell)
  const status = [
    `docker exec ${c} s6-rc -a list                 # services that are up`,
    `docker exec ${c} s6-rc -d list                 # every service s6-rc knows, up or not`,
    `docker exec ${c} s6-rc-db list all             # everything compiled, the overlay's own included`,
  ]
  if (lr) {
    status.push(
      `docker exec ${c} s6-rc-db all-dependencies ${lr}   # what ${lr} needs, directly or not`,
      `docker exec ${c} s6-rc-db -d all-dependencies ${lr} # what needs ${lr}`,
      `docker exec ${c} s6-svstat /run/service/${lr}   # up or down, pid, for how long, ready or not`,
    )
  }
  const out = ['## Debugging', '', '### Status', '', ...block('sh', status), '']
  if (lr) {
    out.push(
      '### Control',
      '',
      ...block('sh', [
        `docker exec ${c} s6-svc -r /run/service/${lr}   # restart: send its stop signal; s6-supervise starts it again`,
        `docker exec ${c} s6-svc -d /run/service/${lr}   # stop it and keep it stopped`,
        `docker exec ${c} s6-svc -u /run/service/${lr}   # start it again`,
      ]),
      '',
      `${code('s6-svc')} acts on one process and leaves s6-rc's bookkeeping alone; ${code('s6-rc -d change')} and ${code('s6-rc -u change')} also stop or start what depends on the service, in order.`,
      '',
    )
  }
  return out
}

/** "Common problems": the usual s6-overlay failures, made specific to this design. */
export function problemsSection(f: ReadmeFacts): string[] {
  const { project } = f.ctx.graph
  const out = ['## Common problems', '']
  const add = (title: string, body: string) => out.push(`**${title}**`, '', body, '')
  const stage2 = s6Value(project.s6Env ?? {}, 'S6_BEHAVIOUR_IF_STAGE2_FAILS', f.ctx.release.version)
  if (f.oneshots.length > 0) {
    add(
      'The container stops right after starting, or services never come up',
      stage2 === '2'
        ? `${code('S6_BEHAVIOUR_IF_STAGE2_FAILS=2')} stops the container when a one-time task (${listing(
            f.oneshots.map(([n]) => code(n)),
            'or',
          )}) fails or times out. ${code(`docker logs ${f.container}`)} shows its error.`
        : `When a one-time task (${listing(
            f.oneshots.map(([n]) => code(n)),
            'or',
          )}) fails, s6-overlay carries on (${code('S6_BEHAVIOUR_IF_STAGE2_FAILS')} is ${code(stage2)}) but nothing that depends on it starts. ${code(`docker logs ${f.container}`)} shows its error; set the variable to 2 to stop the container instead.`,
    )
  }
  add(
    '"No such file or directory" for a script that exists, or an invalid type file',
    `The file has Windows line endings (CRLF), usually from a checkout on Windows. The export writes LF and ships ${code('.gitattributes')} (${code('* text eol=lf')}); after adding it to an existing clone, run ${code('git add --renormalize .')}.`,
  )
  add(
    '"Permission denied" (exit 126)',
    `A script lost its executable bit. The export marks scripts 0755 and the Dockerfile repeats it with ${code('chmod')}; if you copy the files another way, keep the modes (${code('git update-index --chmod=+x <file>')}).`,
  )
  add(
    '"s6-overlay-suexec: fatal: can only run as pid 1"',
    `Something else is PID 1: ${code('docker run --init')}, ${code('init: true')} in Compose, or a platform that adds its own init. Remove it; ${code('/init')} is the init.`,
  )
  const notInUser = [...f.oneshots, ...f.longruns].map(([n]) => n).filter((n) => !f.boot.has(n))
  add(
    'A service never starts',
    notInUser.length > 0
      ? `${listing(notInUser.map((n) => code(n)))} ${notInUser.length === 1 ? 'is' : 'are'} not in the ${code('user')} bundle and nothing started at boot needs ${notInUser.length === 1 ? 'it' : 'them'}. Add ${notInUser.length === 1 ? 'it' : 'them'} to ${code('user')}. Otherwise check that what it depends on came up: ${code(`docker exec ${f.container} s6-rc -a list`)}.`
      : `Every service is in the ${code('user')} bundle or needed by one that is, so check that what it depends on came up: ${code(`docker exec ${f.container} s6-rc -a list`)}, and read ${code(`docker logs ${f.container}`)}.`,
  )
  if (f.longruns.length > 0) {
    add(
      'A service keeps restarting',
      `s6-supervise restarts a process that exits, at most once a second. ${code('s6-svstat')} shows the uptime starting over; the ${code('finish')} script gets the exit code as ${code('$1')} and the signal as ${code('$2')}. The process must stay in the foreground: a daemon that forks into the background looks like an exit.`,
    )
  }
  const early = f.longruns.filter(([n, s]) => !s.readiness && f.dependedOn.has(n))
  if (early.length > 0) {
    add(
      'A service starts before what it needs is ready',
      `${listing(early.map(([n]) => code(n)))} ${early.length === 1 ? 'has' : 'have'} no readiness check, so s6-rc counts ${early.length === 1 ? 'it' : 'them'} up as soon as the process is started, and what depends on ${early.length === 1 ? 'it' : 'them'} starts right away. Add a readiness check in s6 Designer.`,
    )
  }
  const plan = f.stop
  const slow = f.longruns.filter(([, s]) => !s.timeoutKill).map(([n]) => code(n))
  add(
    'docker stop takes long, or ends with SIGKILL',
    [
      plan?.totalMs !== null && plan?.totalMs !== undefined
        ? `The worst case for an orderly stop is ${duration(plan.totalMs)} against ${code('docker stop')}'s ${duration(plan.dockerStopMs)}.`
        : `Some service has no limit on its stop, so the stop can outlast ${code('docker stop')}'s 10 s.`,
      slow.length > 0
        ? `${listing(slow)} ${slow.length === 1 ? 'has' : 'have'} no ${code('timeout-kill')}: a process that ignores its stop signal holds up the shutdown until Docker kills everything.`
        : '',
      `Give Docker more time with ${code(`docker stop -t ${plan && plan.totalMs !== null && plan.overDockerStop ? stopSeconds(plan.totalMs) : 30}`)} (${code('stop_grace_period')} in Compose) or shorten the timeouts in the design.`,
    ]
      .filter(Boolean)
      .join(' '),
  )
  if (f.pipelines.length > 0) {
    add(
      'A logger cannot write its folder',
      `${code('logutil-service')} runs s6-log as ${code('nobody')}; the log folder must belong to that user. Keep the logger's ${code('-log-prepare')} task (it creates the folder and hands it over), and do not set ${code('USER')} in the Dockerfile.`,
    )
  }
  if (f.longruns.some(([, s]) => (s.env ?? []).length > 0)) {
    add(
      'docker run -e does not change a service variable',
      `Variables in a service's ${code('env/')} folder are loaded after the container's and win. See [Per service](#per-service).`,
    )
  }
  return out
}
