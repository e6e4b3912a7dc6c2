// A rehype plugin that highlights fenced code with shiki at build time, in a light and a dark
// theme at once (CSS variables, no client JavaScript). It is plain JavaScript because
// @next/mdx loads plugins by path inside the MDX loader, where TypeScript is not compiled.
// Test: test/docs/rehype-code.test.ts.
import { createHighlighter } from 'shiki'
import { labelReferenceTables } from './rehype-tables.mjs'

/**
 * Themes: the CSS picks --shiki-light or --shiki-dark to match the site's theme. The dark one is
 * github-dark-default: its comments read at 6:1 on the dark page (github-dark's, 3.9:1).
 */
export const THEMES = { light: 'github-light', dark: 'github-dark-default' }

const LANGS = ['shellscript', 'shellsession', 'dockerfile', 'json', 'typescript', 'yaml', 'diff']

/** Fence names the guide uses, mapped to shiki grammars. execline reads well as shell. */
const ALIASES = {
  sh: 'shellscript',
  bash: 'shellscript',
  shell: 'shellscript',
  execline: 'shellscript',
  console: 'shellsession',
  docker: 'dockerfile',
  Dockerfile: 'dockerfile',
  ts: 'typescript',
  yml: 'yaml',
}

/** @type {Promise<import('shiki').Highlighter> | undefined} */
let highlighter

function getHighlighter() {
  highlighter ??= createHighlighter({ themes: Object.values(THEMES), langs: LANGS })
  return highlighter
}

/** @param {any} node */
function textOf(node) {
  if (node.type === 'text') return node.value
  return (node.children ?? []).map(textOf).join('')
}

/** @param {string | undefined} meta */
export function parseMeta(meta) {
  const title = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(meta ?? '')
  return { title: title ? (title[1] ?? title[2] ?? title[3]) : undefined }
}

/** @param {string} fence */
export function grammarFor(fence) {
  const name = ALIASES[fence] ?? fence
  return LANGS.includes(name) ? name : 'text'
}

/** @param {any} node @param {any[]} found */
function collectCodeBlocks(node, found) {
  for (const child of node.children ?? []) {
    if (child.type !== 'element') continue
    const code = child.children?.length === 1 ? child.children[0] : undefined
    if (child.tagName === 'pre' && code?.type === 'element' && code.tagName === 'code') {
      found.push({ pre: child, code })
    } else {
      collectCodeBlocks(child, found)
    }
  }
}

/**
 * Replaces every `pre > code` with shiki's highlighted `pre`. Also labels reference tables'
 * cells for phones (rehype-tables.mjs), so that next.config.ts needs no second plugin. The fence's language is kept in
 * `data-language` and a `title="…"` in the fence's meta becomes `data-title`.
 */
export default function rehypeCode() {
  /** @param {any} tree */
  return async (tree) => {
    labelReferenceTables(tree)
    const blocks = []
    collectCodeBlocks(tree, blocks)
    if (blocks.length === 0) return
    const shiki = await getHighlighter()
    for (const { pre, code } of blocks) {
      const classes = [code.properties?.className ?? []].flat().map(String)
      const fence = classes.find((c) => c.startsWith('language-'))?.slice('language-'.length)
      const lang = grammarFor(fence ?? 'text')
      const text = textOf(code).replace(/\n$/, '')
      const root = shiki.codeToHast(text, { lang, themes: THEMES, defaultColor: false })
      const highlighted = root.children.find((n) => n.type === 'element' && n.tagName === 'pre')
      if (!highlighted) continue
      const { title } = parseMeta(code.data?.meta)
      const { class: cls, style } = highlighted.properties ?? {}
      // hast property names (className, tabIndex), so MDX turns them into the right JSX props.
      pre.properties = {
        className: String(cls ?? '')
          .split(' ')
          .filter(Boolean),
        style,
        tabIndex: 0,
        dataLanguage: fence ?? 'text',
        ...(title ? { dataTitle: title } : {}),
      }
      pre.children = highlighted.children
    }
  }
}
