/**
 * README: how to run the image. Everything here holds for s6-overlay v3: the CMD runs after the
 * services are up and its exit stops the container; `S6_STAGE2_HOOK` runs as a plain command
 * (split on blanks, no shell) before the services are compiled; `S6_RUNTIME_BUNDLEDIR` moves
 * the boot bundles from 3.2.3.1 on (FORMAT §5; s6-overlay `rc.init`).
 */
import type { Longrun, ServiceName } from '../../graph/types'
import { SOURCE_DIR } from '../service-dir'
import type { ReadmeFacts } from './facts'
import { dockerRun, runOptions } from './intro'
import { block, code, listing, plainInShell } from './markdown'

/** The longrun the examples run alone: the first one started at boot without a readiness check. */
function example(f: ReadmeFacts): [ServiceName, Longrun] | undefined {
  const all: Array<[ServiceName, Longrun]> = []
  for (const n of f.longrunOrder) {
    const s = f.ctx.graph.services[n]
    if (s?.type === 'longrun' && plainInShell(n)) all.push([n, s])
  }
  const plain = all.filter(([n, s]) => f.boot.has(n) && !s.readiness?.check && !s.consumerFor)
  return plain[0] ?? all[0]
}

function withoutS6(f: ReadmeFacts): string[] {
  const ex = example(f)
  if (!ex) return []
  const [name, s] = ex
  const dir = `${SOURCE_DIR}/${name}`
  const out = [
    '### One process without s6',
    '',
    `To run ${code(name)} by itself with no supervisor (for a quick test, or a platform that runs one process per container), start its run script as the entry point. ${code('S6_KEEP_ENV=1')} makes ${code('with-contenv')} pass the environment through, since /init has not prepared one:`,
    '',
    ...block(
      'sh',
      dockerRun(
        ['--rm', ...runOptions(f), '-e S6_KEEP_ENV=1', `-w ${dir}`, `--entrypoint ${dir}/run`],
        f.tag,
      ),
    ),
    '',
  ]
  const oneshots = (s.dependencies ?? []).filter((d) => f.ctx.graph.services[d]?.type === 'oneshot')
  if (oneshots.length > 0)
    out.push(
      `Its one-time tasks (${listing(oneshots.map((o) => code(o)))}) do not run that way; run them first if it needs them.`,
    )
  out.push(
    `Services with a readiness check cannot start like this: ${code('s6-notifyoncheck')} refuses to run without s6-supervise.`,
    '',
  )
  return out
}

function someServices(f: ReadmeFacts): string[] {
  const user = f.ctx.graph.services.user
  const members = user?.type === 'bundle' ? (user.contents ?? []) : []
  if (members.length < 2 || !members.every(plainInShell)) return []
  const [keep, ...drop] = members
  const paths = drop.map((m) => `${f.userContentsDir}/${m}`)
  const out = [
    '### Only some services',
    '',
    `${code('S6_STAGE2_HOOK')} runs a command before s6-overlay compiles the services, so it can take members out of the ${code('user')} bundle for this one container. To boot only ${code(keep)} (and what it depends on):`,
    '',
    ...block(
      'sh',
      dockerRun([...runOptions(f), `-e S6_STAGE2_HOOK="rm -f ${paths.join(' ')}"`], f.tag),
    ),
    '',
    `The hook is split on blanks and run without a shell, so it holds one command (no ${code(';')}, ${code('&&')} or quotes); point it at a script in the image for more. It needs a writable root filesystem.`,
  ]
  if (f.ctx.release.userBundleLayout === 'user-bundles.d') {
    out.push(
      `From s6-overlay 3.2.3.1 you can also point ${code('S6_RUNTIME_BUNDLEDIR')} at another folder laid out like ${code('/etc/s6-overlay/user-bundles.d')}: ${code('user/type')} and ${code('user2/type')} holding ${code('bundle')}, and the wanted members as empty files in ${code('user/contents.d/')} (for example a volume mounted with ${code('-v')}).`,
    )
  }
  out.push('')
  return out
}

/** "Running the image": everything, one process without s6, a subset, and live control. */
export function usageSection(f: ReadmeFacts): string[] {
  const ex = f.longrunOrder.find(plainInShell) ?? 'NAME'
  return [
    '## Running the image',
    '',
    '### Everything (the default)',
    '',
    ...block('sh', dockerRun(['-d', `--name ${f.container}`, ...runOptions(f)], f.tag)),
    '',
    `With no command, the container starts every service in ${code('user')} and runs until ${code('docker stop')}.`,
    `A command after the image name runs once the services are up; when it exits the container stops, with its exit code. Do not add ${code('--init')} (or ${code('init: true')} in Compose): ${code('/init')} must be PID 1.`,
    '',
    ...withoutS6(f),
    ...someServices(f),
    '### Starting and stopping services in a running container',
    '',
    ...block('sh', [
      `docker exec ${f.container} s6-rc -d change ${ex}   # stop ${ex} and everything that depends on it`,
      `docker exec ${f.container} s6-rc -u change ${ex}   # start it again, with what it depends on`,
    ]),
    '',
  ]
}
