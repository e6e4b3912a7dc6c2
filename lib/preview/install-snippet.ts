/**
 * What the Download menu copies: the zip's file name, the one-line install command for a
 * repository, and the Dockerfile stage to paste into an existing Dockerfile.
 */
import { imageName } from '../generate/build-script'
import { createContext, inRepo } from '../generate/context'
import { shellWord } from '../generate/scripts'
import type { ServiceGraph } from '../graph/types'

/**
 * The download's file name: `<project>-s6.zip`, the project name made safe the way the image
 * name is (lower case, `[a-z0-9._-]`).
 *
 * @example
 * zipFileName('My App') // 'my-app-s6.zip'
 */
export function zipFileName(projectName: string): string {
  return `${imageName(projectName)}-s6.zip`
}

/**
 * One line to run at the root of the repository: unzip the download there (it holds
 * `<repoDir>/…`), then build the s6 stage with the repository as the build context.
 *
 * @example
 * installCommand(graph)
 * // 'unzip -o onetimesecret-s6.zip -d . && docker build -f docker/s6/Dockerfile --target final-s6 -t onetimesecret:s6 .'
 */
export function installCommand(graph: ServiceGraph): string {
  const ctx = createContext(graph)
  const name = imageName(graph.project.name)
  return [
    `unzip -o ${shellWord(zipFileName(graph.project.name))} -d .`,
    '&&',
    `docker build -f ${shellWord(inRepo(ctx, 'Dockerfile'))} --target ${shellWord(ctx.stageName)} -t ${shellWord(`${name}:s6`)} .`,
  ].join(' ')
}

/**
 * The part of the exported Dockerfile to paste into another one: from its first `FROM` line to
 * the end (the lines above are the syntax directive and comments about building it alone).
 */
export function dockerfileStage(dockerfile: string): string {
  const lines = dockerfile.split('\n')
  const from = lines.findIndex((l) => /^\s*FROM\s/i.test(l))
  return from < 0 ? dockerfile : lines.slice(from).join('\n')
}
