/** README: the health check, going back to the image without s6, and references. */
import { healthCommand } from '../healthcheck'
import type { ReadmeFacts } from './facts'
import { block, code } from './markdown'

/** "Health check": the HEALTHCHECK command and how to read its result. */
export function healthSection(f: ReadmeFacts): string[] {
  const hc = f.ctx.graph.project.healthcheck
  const out = ['## Health check', '']
  const command = hc ? healthCommand(f.ctx) : undefined
  if (!hc || command === undefined) {
    out.push(
      `The Dockerfile sets no ${code('HEALTHCHECK')}. To add one, choose the services that must be up (and an optional URL) in the project settings; ${code('s6-svstat -o up /run/service/NAME')} prints ${code('true')} while a service is up.`,
      '',
    )
    return out
  }
  out.push(
    `Docker runs this every ${hc.intervalS} s (timeout ${hc.timeoutS} s, ${hc.retries} tries, ${hc.startPeriodS} s to start):`,
    '',
    ...block('sh', [command]),
    '',
    `${code('s6-svstat -o up')} prints ${code('true')} while s6 has the process running; ${code('-o up,ready')} also asks for readiness.`,
  )
  if (hc.url)
    out.push(
      `The HTTP probe needs ${code('curl')} in the image: the Dockerfile installs it on Debian-based images and on Alpine; check other base images.`,
    )
  out.push(
    '',
    'See the result with:',
    '',
    ...block('sh', [`docker inspect --format '{{json .State.Health}}' ${f.container}`]),
    '',
  )
  return out
}

/** "Going back": from an entrypoint script to /init, and back to the image without s6. */
export function rollbackSection(f: ReadmeFacts): string[] {
  return [
    '## Going back',
    '',
    `If the image used to start through an entrypoint script, that script's steps now live in the services above, and the stage sets ${code('ENTRYPOINT ["/init"]')}, which also clears the ${code('CMD')} inherited from the base image.`,
    `The ${code(f.ctx.stageName)} stage only adds to ${code(f.ctx.baseImage)}; nothing else in your build changes. To return to the image without s6:`,
    '',
    `- Build or run what you used before (${code(f.ctx.baseImage)}, or its stage: ${code(`docker build --target <stage> .`)}).`,
    `- Or keep this image and bypass ${code('/init')} for one run: ${code(`docker run --entrypoint <your command> ${f.tag}`)}.`,
    `- To remove it for good, delete ${code(f.ctx.repoDir === '' ? 'the exported files' : `${f.ctx.repoDir}/`)} and the stage from your build.`,
    '',
  ]
}

/** "References": upstream documentation. */
export function referencesSection(): string[] {
  return [
    '## References',
    '',
    '- [s6-overlay](https://github.com/just-containers/s6-overlay): the init, `with-contenv`, the `S6_*` settings',
    '- [s6-rc](https://skarnet.org/software/s6-rc/): service definitions (`s6-rc-compile`), `s6-rc`, `s6-rc-db`',
    '- [s6 service directories](https://skarnet.org/software/s6/servicedir.html): `run`, `finish`, `timeout-kill`, `down-signal`, `notification-fd`',
    '- [execline](https://skarnet.org/software/execline/): the language of `up`/`down` lines and of execline scripts',
    '',
  ]
}
