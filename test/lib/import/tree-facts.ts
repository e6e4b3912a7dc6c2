/**
 * What an s6-rc source tree says, read straight from its files (no model in between): each
 * service's type, dependencies, bundle contents and pipeline links. Round-trip tests compare
 * these between a tree and its re-export.
 */
import { TreeIndex } from '@/lib/graph/read-tree-context'
import { readNameList } from '@/lib/graph/read-tree-files'
import { findLayout } from '@/lib/graph/read-tree-root'
import { joinPath } from '@/lib/graph/tree-input'
import type { TreeInput } from '@/lib/graph/tree-input'
import type { FileMap } from '@/lib/generate/file-map'
import { encodeText } from '@/lib/graph/tree-input'
import type { Service, ServiceGraph } from '@/lib/graph/types'

export interface Facts {
  type: string
  dependencies: string[]
  contents: string[]
  producerFor?: string
  consumerFor?: string[]
  pipelineName?: string
}

function names(tree: TreeIndex, dir: string, flat: 'dependencies' | 'contents'): string[] {
  const d = joinPath(dir, `${flat}.d`)
  if (tree.isDir(d)) {
    const l = tree.list(d)
    return [...l.files, ...l.dirs, ...l.links].filter((n) => !n.startsWith('.')).sort()
  }
  const text = tree.text(joinPath(dir, flat))
  return text === undefined ? [] : readNameList(text).sort()
}

/**
 * The facts of every service folder of the tree's s6-rc.d and user-bundles.d. Normalised as
 * s6-overlay sees them: `user`/`user2` without a type file are bundles (the overlay ships
 * them), and an empty `user`/`user2` is left out (the overlay ships it; an export writes only
 * members, in the release's location).
 */
export function treeFacts(input: TreeInput): Map<string, Facts> {
  const tree = new TreeIndex(input)
  const layout = findLayout(tree)
  const out = new Map<string, Facts>()
  for (const source of [layout.source, layout.userBundles]) {
    if (source === undefined) continue
    for (const name of tree.list(source).dirs) {
      if (name.startsWith('.')) continue
      const dir = joinPath(source, name)
      const shipped = name === 'user' || name === 'user2'
      const type = tree.text(joinPath(dir, 'type'))?.replace(/\n$/, '') ?? (shipped ? 'bundle' : '')
      const line = (f: string) => tree.text(joinPath(dir, f))?.replace(/\n$/, '')
      const facts: Facts = {
        type,
        dependencies: type === 'bundle' ? [] : names(tree, dir, 'dependencies'),
        contents: type === 'bundle' ? names(tree, dir, 'contents') : [],
      }
      const producer = line('producer-for')
      if (producer !== undefined) facts.producerFor = producer
      const consumers = line('consumer-for')
      if (consumers !== undefined) facts.consumerFor = readNameList(consumers).sort()
      const pipeline = line('pipeline-name')
      if (pipeline !== undefined) facts.pipelineName = pipeline
      if (shipped && type === 'bundle' && facts.contents.length === 0) continue
      out.set(name, facts)
    }
  }
  return out
}

/** An export's files as a TreeInput, without the graph file (so only the tree is read). */
export function treeOfExport(files: FileMap, keep: (path: string) => boolean = () => true) {
  const out: Record<string, Uint8Array> = {}
  const executables: string[] = []
  for (const [path, f] of files) {
    if (path.endsWith('s6-designer.json') || !keep(path)) continue
    out[path] = encodeText(f.contents)
    if (f.executable) executables.push(path)
  }
  return { files: out, dirs: [], executables }
}

/**
 * The same facts from a graph: what its export's tree must say. `base` is written to every
 * oneshot and longrun when `dependOnBase` is on; an empty `user2` is not written.
 */
export function graphFacts(graph: ServiceGraph): Map<string, Facts> {
  const out = new Map<string, Facts>()
  for (const [name, s] of Object.entries(graph.services) as [string, Service][]) {
    if (s.type === 'bundle') {
      if ((name === 'user' || name === 'user2') && s.contents.length === 0) continue
      out.set(name, { type: 'bundle', dependencies: [], contents: [...s.contents].sort() })
      continue
    }
    const base = graph.project.dependOnBase ? ['base'] : []
    const facts: Facts = {
      type: s.type,
      dependencies: [...new Set([...s.dependencies, ...base])].sort(),
      contents: [],
    }
    if (s.type === 'longrun') {
      if (s.producerFor !== undefined) facts.producerFor = s.producerFor
      if (s.consumerFor !== undefined) facts.consumerFor = [...s.consumerFor].sort()
      if (s.pipelineName !== undefined) facts.pipelineName = s.pipelineName
    }
    out.set(name, facts)
  }
  return out
}
