/** README: the exported folder drawn like `tree`, with a note beside each service folder. */
import { compareNames, getService } from '../../graph/service-graph'
import { SCRIPTS_DIR } from '../scripts'
import { SOURCE_DIR } from '../service-dir'
import type { ReadmeFacts } from './facts'
import { block, firstSentence } from './markdown'

interface Node {
  children: Map<string, Node>
  file: boolean
}

function insert(root: Node, segments: readonly string[], folder: boolean): void {
  let node = root
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as string
    let next = node.children.get(seg)
    if (!next) {
      next = { children: new Map(), file: !folder && i === segments.length - 1 }
      node.children.set(seg, next)
    }
    node = next
  }
}

/** Notes for the project's own files and folders, keyed by their path below the project folder. */
function fixedNotes(f: ReadmeFacts): Map<string, string> {
  return new Map([
    [`rootfs${f.userContentsDir}`, "members of s6-overlay's user bundle: started at boot"],
    ['Dockerfile', 'the s6-overlay stage'],
    ['build.sh', 'builds it'],
    ['s6-designer.json', 'the design; open it in s6 Designer'],
    ['README.md', 'this file'],
    ['.gitattributes', 'keeps LF line endings on checkout'],
  ])
}

/**
 * The note beside a path below the project folder, or undefined. Worked out only for the
 * entries drawn: a big design draws a dozen of its thousands of folders.
 */
function noteFor(f: ReadmeFacts, fixed: Map<string, string>, path: string): string | undefined {
  const note = fixed.get(path)
  if (note !== undefined) return note
  const source = `rootfs${SOURCE_DIR}/`
  const scripts = `rootfs${SCRIPTS_DIR}/`
  if (path.startsWith(source)) {
    const name = path.slice(source.length)
    const s =
      name.includes('/') || name === 'user' || name === 'user2'
        ? undefined
        : getService(f.ctx.graph, name)
    if (!s) return undefined
    const what = firstSentence(s.description)
    return `${s.type}${what ? `: ${what}` : ''}`
  }
  if (!path.startsWith(scripts)) return undefined
  // A oneshot's own up script wins over another one's -down script of the same name.
  const name = path.slice(scripts.length)
  if (getService(f.ctx.graph, name)?.type === 'oneshot') return `what ${name}'s up runs`
  const owner = name.endsWith('-down') ? name.slice(0, -'-down'.length) : undefined
  const s = owner === undefined ? undefined : getService(f.ctx.graph, owner)
  return s?.type === 'oneshot' && s.down ? `what ${owner}'s down runs` : undefined
}

/** Folders listed in full up to this many entries; longer ones show the first few. */
const MAX_ENTRIES = 40
const SHOWN_WHEN_LONG = 12
/** With more services than this, service folders are drawn without their files. */
const FULL_TREE_SERVICES = 50

interface DrawOptions {
  comment: (path: string) => string | undefined
  /** Folders drawn without their contents. */
  closed: (path: string) => boolean
}

function draw(node: Node, prefix: string, path: string, options: DrawOptions, out: string[]): void {
  const all = [...node.children.entries()].sort(([a], [b]) => compareNames(a, b))
  const long = all.length > MAX_ENTRIES
  const entries = long ? all.slice(0, SHOWN_WHEN_LONG) : all
  entries.forEach(([name, child], i) => {
    const last = i === entries.length - 1 && !long
    const full = path === '' ? name : `${path}/${name}`
    const label = `${prefix}${last ? '└── ' : '├── '}${name}${child.file ? '' : '/'}`
    const note = options.comment(full)
    out.push(note ? `${label.padEnd(44)} # ${note}` : label)
    if (!child.file && !options.closed(full)) {
      draw(child, `${prefix}${last ? '    ' : '│   '}`, full, options, out)
    }
  })
  if (long) out.push(`${prefix}└── … ${all.length - SHOWN_WHEN_LONG} more`)
}

/** The lines of the drawing (without the code fence). */
export function treeLines(f: ReadmeFacts): string[] {
  const root: Node = { children: new Map(), file: false }
  const base = f.ctx.repoDir === '' ? '' : `${f.ctx.repoDir}/`
  const services = `rootfs${SOURCE_DIR}/`
  const big = f.ctx.services.length > FULL_TREE_SERVICES
  const closed = (p: string) => big && p.startsWith(services) && !p.includes('/', services.length)
  const insideServices = `${base}${services}`
  // Files below the service folder drawn last (closed): the export lists them together.
  let closedFolder = ''
  const add = (p: string) => {
    if (closedFolder !== '' && p.startsWith(closedFolder)) return
    if (!p.startsWith(base)) return
    if (big && p.startsWith(insideServices)) {
      // Only the service folder itself is drawn; its files need not be in the tree.
      const end = p.indexOf('/', insideServices.length)
      if (end >= 0) {
        insert(root, p.slice(base.length, end).split('/'), true)
        closedFolder = p.slice(0, end + 1)
        return
      }
    }
    insert(root, p.slice(base.length).split('/'), false)
  }
  for (const p of f.files.keys()) add(p)
  add(f.paths.readme)
  const out = [`${f.ctx.repoDir === '' ? '.' : f.ctx.repoDir}/`]
  const fixed = fixedNotes(f)
  draw(root, '', '', { comment: (path) => noteFor(f, fixed, path), closed }, out)
  return out
}

/** "Directory structure": the export drawn like `tree`. */
export function treeSection(f: ReadmeFacts): string[] {
  return [
    '## Directory structure',
    '',
    `${'`'}rootfs/${'`'} mirrors the image: the Dockerfile copies it to ${'`'}/${'`'}. Empty files are markers: their name is what counts.${f.ctx.services.length > FULL_TREE_SERVICES ? ' With this many services, each service folder is shown closed and long folders are cut short.' : ''}`,
    '',
    ...block('text', treeLines(f)),
    '',
  ]
}
