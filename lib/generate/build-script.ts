/**
 * `build.sh`: builds the s6 stage from the repository root with the Dockerfile beside it,
 * passing every argument through to `docker build`. POSIX sh, `set -eu`, shellcheck-clean.
 */
import { shellWord } from './scripts'
import type { ServiceGraph } from '../graph/types'
import { createContext, inRepo } from './context'
import type { ExportContext } from './context'
import { lines } from './file-map'
import type { FileMap } from './file-map'

/** A Docker repository name from the project name: lower case, `[a-z0-9._-]`, never empty. */
export function imageName(name: string): string {
  const cleaned = String(name)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
  return cleaned === '' ? 'app' : cleaned
}

/** The default image tag build.sh uses when TAG is not set: `<name>:s6`. */
export function defaultTag(ctx: ExportContext): string {
  return `${imageName(ctx.graph.project.name)}:s6`
}

/** The text of build.sh. */
export function buildScriptText(ctx: ExportContext): string {
  const script = inRepo(ctx, 'build.sh')
  const depth = ctx.repoDir === '' ? 0 : ctx.repoDir.split('/').length
  const up = depth === 0 ? '' : `/${Array.from({ length: depth }, () => '..').join('/')}`
  return lines([
    '#!/bin/sh',
    `# Builds the s6-overlay image (stage ${ctx.stageName}) from the Dockerfile beside this script,`,
    '# with the repository root as the build context. Written by s6 Designer.',
    '# Every argument goes to docker build, for example:',
    `#   ${shellWord(script)} --platform linux/amd64,linux/arm64`,
    `#   ${shellWord(script)} --no-cache --build-arg VERSION=1.0.0`,
    `#   TAG=registry.example.com/${defaultTag(ctx)} ${shellWord(script)}`,
    'set -eu',
    'here=$(cd "$(dirname "$0")" && pwd)',
    `root=$(cd "$here${up}" && pwd)`,
    `exec docker build --target ${ctx.stageName} -f "$here/Dockerfile" -t "\${TAG:-${defaultTag(ctx)}}" "$@" "$root"`,
  ])
}

/** build.sh as a one-file map (`<repoDir>/build.sh`, executable). */
export function buildScriptFiles(graph: ServiceGraph): FileMap {
  const ctx = createContext(graph)
  return new Map([[inRepo(ctx, 'build.sh'), { contents: buildScriptText(ctx), executable: true }]])
}
