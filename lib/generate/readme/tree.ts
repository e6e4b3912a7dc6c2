/** README: the exported folder drawn like `tree`, with a note beside each service folder. */
import { compareNames } from '../../graph/service-graph'
import { SCRIPTS_DIR } from '../scripts'
import { SOURCE_DIR } from '../service-dir'
import type { ReadmeFacts } from './facts'
import { block, firstSentence } from './markdown'

interface Node {
  children: Map<string, Node>
  file: boolean
}

function insert(root: Node, segments: readonly string[]): void {
  let node = root
  segments.forEach((seg, i) => {
    let next = node.children.get(seg)
    if (!next) {
      next = { children: new Map(), file: i === segments.length - 1 }
      node.children.set(seg, next)
    }
    node = next
  })
}

/** Notes for folders and files, keyed by their path below the project folder. */
function notes(f: ReadmeFacts): Map<string, string> {
  const out = new Map<string, string>()
  const source = `rootfs${SOURCE_DIR}`
  for (const [name, s] of f.ctx.services) {
    const what = firstSentence(s.description)
    if (name === 'user' || name === 'user2') continue
    out.set(`${source}/${name}`, `${s.type}${what ? `: ${what}` : ''}`)
    if (s.type === 'oneshot') {
      out.set(`rootfs${SCRIPTS_DIR}/${name}`, `what ${name}'s up runs`)
      if (s.down) out.set(`rootfs${SCRIPTS_DIR}/${name}-down`, `what ${name}'s down runs`)
    }
  }
  out.set(`rootfs${f.userContentsDir}`, "members of s6-overlay's user bundle: started at boot")
  out.set('Dockerfile', 'the s6-overlay stage')
  out.set('build.sh', 'builds it')
  out.set('s6-designer.json', 'the design; open it in s6 Designer')
  out.set('README.md', 'this file')
  out.set('.gitattributes', 'keeps LF line endings on checkout')
  return out
}

function draw(
  node: Node,
  prefix: string,
  path: string,
  comments: Map<string, string>,
  out: string[],
): void {
  const entries = [...node.children.entries()].sort(([a], [b]) => compareNames(a, b))
  entries.forEach(([name, child], i) => {
    const last = i === entries.length - 1
    const full = path === '' ? name : `${path}/${name}`
    const label = `${prefix}${last ? '└── ' : '├── '}${name}${child.file ? '' : '/'}`
    const note = comments.get(full)
    out.push(note ? `${label.padEnd(44)} # ${note}` : label)
    if (!child.file) draw(child, `${prefix}${last ? '    ' : '│   '}`, full, comments, out)
  })
}

/** The lines of the drawing (without the code fence). */
export function treeLines(f: ReadmeFacts): string[] {
  const root: Node = { children: new Map(), file: false }
  const base = f.ctx.repoDir === '' ? '' : `${f.ctx.repoDir}/`
  const paths = [...f.files.keys(), f.paths.readme]
  for (const p of paths) {
    if (!p.startsWith(base)) continue
    insert(root, p.slice(base.length).split('/'))
  }
  const out = [`${f.ctx.repoDir === '' ? '.' : f.ctx.repoDir}/`]
  draw(root, '', '', notes(f), out)
  return out
}

export function treeSection(f: ReadmeFacts): string[] {
  return [
    '## Directory structure',
    '',
    `${'`'}rootfs/${'`'} mirrors the image: the Dockerfile copies it to ${'`'}/${'`'}. Empty files are markers: their name is what counts.`,
    '',
    ...block('text', treeLines(f)),
    '',
  ]
}
