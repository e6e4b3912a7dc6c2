'use client'

import './docs.css'
import { memo, useCallback, useMemo, useRef } from 'react'
import { CopyTextButton } from '@/components/export/copy-text-button'
import { parseMarkdown } from '@/lib/preview/markdown'
import { MarkdownView, scrollToHeading } from './markdown-view'
import type { ExportView } from './use-export-view'

/** The README path of an export: the shallowest README.md. */
function readmePath(paths: Iterable<string>): string | undefined {
  let best: string | undefined
  for (const p of paths)
    if ((p === 'README.md' || p.endsWith('/README.md')) && (!best || p.length < best.length))
      best = p
  return best
}

/**
 * Docs: the README the export ships for this design, rendered as a page, with its sections
 * listed beside it. Memoized: redrawn only when the export view changes.
 */
export const DocsPanel = memo(function DocsPanel({ view }: { view: ExportView }) {
  const path = useMemo(() => readmePath(view.files.keys()), [view.files])
  const text = path ? (view.files.get(path)?.contents ?? '') : ''
  const doc = useMemo(() => parseMarkdown(text), [text])
  const page = useRef<HTMLDivElement>(null)
  const onAnchor = useCallback((id: string) => scrollToHeading(page.current, id), [])
  const outline = doc.headings.filter((h) => h.level === 2 || h.level === 3)
  const changed = path !== undefined && view.changes.changed.has(path)
  if (!path) return <p className="pv-empty">The export has no README.</p>
  return (
    <div className="pv pv-docs">
      <nav className="docs-outline" aria-label="README sections">
        <div className="docs-outline-head">
          <span className="docs-outline-path">{path}</span>
          {changed ? <span className="ft-mark">updated</span> : null}
        </div>
        <ul>
          {outline.map((h) => (
            <li key={h.id} className={`docs-outline-l${h.level}`}>
              <a
                href={`#${h.id}`}
                onClick={(e) => {
                  e.preventDefault()
                  onAnchor(h.id)
                }}
              >
                {h.text}
              </a>
            </li>
          ))}
        </ul>
        <CopyTextButton text={text} label="Copy Markdown" title="Copy README.md" />
      </nav>
      <div className="docs-page" ref={page} data-testid="docs-page">
        <MarkdownView blocks={doc.blocks} onAnchor={onAnchor} />
      </div>
    </div>
  )
})
