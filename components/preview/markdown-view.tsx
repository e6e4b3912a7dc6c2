'use client'

import { Fragment, type ReactNode, memo } from 'react'
import { CopyTextButton } from '@/components/export/copy-text-button'
import { scrollWithin } from '@/components/ui/scroll-within'
import { highlight } from '@/lib/preview/file-language'
import type { FileLanguage } from '@/lib/preview/file-language'
import type { Block, SourcedBlock } from '@/lib/preview/markdown'
import type { Inline } from '@/lib/preview/markdown-inline'

/** Prefix of heading ids, so the README's ids never clash with the page's own. */
export const HEADING_PREFIX = 'readme-'

const CODE_LANGUAGES: Record<string, FileLanguage> = {
  sh: 'sh',
  bash: 'sh',
  shell: 'sh',
  console: 'sh',
  dockerfile: 'dockerfile',
  execline: 'execline',
  md: 'markdown',
  markdown: 'markdown',
}

/** Scrolls to a heading of the rendered README (in-page links never touch the URL). */
export function scrollToHeading(root: HTMLElement | null, id: string): void {
  const heading = root?.querySelector<HTMLElement>(`#${CSS.escape(HEADING_PREFIX + id)}`)
  if (heading) scrollWithin(heading, 0)
}

function InlineNodes({ nodes, onAnchor }: { nodes: Inline[]; onAnchor: (id: string) => void }) {
  return (
    <>
      {nodes.map((n, i) => {
        switch (n.type) {
          case 'text':
            return <Fragment key={i}>{n.text}</Fragment>
          case 'code':
            return <code key={i}>{n.text}</code>
          case 'strong':
            return (
              <strong key={i}>
                <InlineNodes nodes={n.children} onAnchor={onAnchor} />
              </strong>
            )
          case 'em':
            return (
              <em key={i}>
                <InlineNodes nodes={n.children} onAnchor={onAnchor} />
              </em>
            )
          case 'link':
            // Only http(s) and #fragment targets reach here (the parser drops the rest).
            return n.href.startsWith('#') ? (
              <a
                key={i}
                href={n.href}
                onClick={(e) => {
                  e.preventDefault()
                  onAnchor(n.href.slice(1))
                }}
              >
                <InlineNodes nodes={n.children} onAnchor={onAnchor} />
              </a>
            ) : (
              <a key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
                <InlineNodes nodes={n.children} onAnchor={onAnchor} />
              </a>
            )
          default: {
            const never: never = n
            return never
          }
        }
      })}
    </>
  )
}

function CodeBlock({ lang, text }: { lang: string; text: string }) {
  const language = CODE_LANGUAGES[lang.toLowerCase()] ?? 'plain'
  return (
    <div className="md-code">
      <div className="md-code-bar">
        <span>{lang || 'text'}</span>
        <CopyTextButton text={text} title="Copy this block" />
      </div>
      <pre tabIndex={0} aria-label={`${lang || 'text'} code`}>
        <code>
          {highlight(language, text).map((t, i) =>
            t.type === 'plain' ? (
              t.text
            ) : (
              <span key={i} className={`tok-${t.type}`}>
                {t.text}
              </span>
            ),
          )}
        </code>
      </pre>
    </div>
  )
}

function BlockView({
  block,
  onAnchor,
}: {
  block: Block
  onAnchor: (id: string) => void
}): ReactNode {
  switch (block.type) {
    case 'heading': {
      const H = `h${Math.min(block.level + 1, 6)}` as 'h2'
      return (
        <H id={HEADING_PREFIX + block.id} className={`md-h md-h${block.level}`}>
          <InlineNodes nodes={block.children} onAnchor={onAnchor} />
        </H>
      )
    }
    case 'paragraph':
      return (
        <p>
          <InlineNodes nodes={block.children} onAnchor={onAnchor} />
        </p>
      )
    case 'code':
      return <CodeBlock lang={block.lang} text={block.text} />
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          {item.map((b, j) =>
            block.tight && b.type === 'paragraph' ? (
              <Fragment key={j}>
                <InlineNodes nodes={b.children} onAnchor={onAnchor} />
              </Fragment>
            ) : (
              <BlockView key={j} block={b} onAnchor={onAnchor} />
            ),
          )}
        </li>
      ))
      return block.ordered ? (
        <ol start={block.start === 1 ? undefined : block.start}>{items}</ol>
      ) : (
        <ul>{items}</ul>
      )
    }
    case 'table':
      return (
        <div className="md-table">
          <table>
            <thead>
              <tr>
                {block.head.map((cell, i) => (
                  <th key={i} style={block.align[i] ? { textAlign: block.align[i] } : undefined}>
                    <InlineNodes nodes={cell} onAnchor={onAnchor} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} style={block.align[i] ? { textAlign: block.align[i] } : undefined}>
                      <InlineNodes nodes={cell} onAnchor={onAnchor} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )
    case 'blockquote':
      return (
        <blockquote>
          {block.children.map((b, i) => (
            <BlockView key={i} block={b} onAnchor={onAnchor} />
          ))}
        </blockquote>
      )
    case 'hr':
      return <hr />
    default: {
      const never: never = block
      return never
    }
  }
}

/** A top-level block, redrawn only when its source text (or heading id) changes. */
const TopBlock = memo(
  function TopBlock({ block, onAnchor }: { block: SourcedBlock; onAnchor: (id: string) => void }) {
    return <BlockView block={block} onAnchor={onAnchor} />
  },
  (a, b) =>
    a.onAnchor === b.onAnchor &&
    a.block.source === b.block.source &&
    (a.block.type !== 'heading' || (b.block.type === 'heading' && a.block.id === b.block.id)),
)

/**
 * Renders parsed Markdown as React elements. Text is always text: nothing is ever set as HTML,
 * and links are only http(s) (opened in a new tab) or headings of the same document.
 */
export function MarkdownView({
  blocks,
  onAnchor,
}: {
  blocks: SourcedBlock[]
  onAnchor: (id: string) => void
}) {
  return (
    <div className="md">
      {blocks.map((b, i) => (
        <TopBlock key={i} block={b} onAnchor={onAnchor} />
      ))}
    </div>
  )
}
