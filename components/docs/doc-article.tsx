import type { ReactNode } from 'react'
import type { Heading } from '@/lib/docs/mdx-text'
import type { PrevNext } from '@/lib/docs/nav'
import { InlineTableOfContents, TableOfContents } from './table-of-contents'

/** A docs page: title, lead, body, previous/next links and the table of contents. */
export function DocArticle({
  section,
  title,
  description,
  headings,
  neighbours,
  children,
}: {
  section?: string
  title: ReactNode
  description?: ReactNode
  headings: Heading[]
  neighbours: PrevNext
  children: ReactNode
}) {
  const { prev, next } = neighbours
  return (
    <div className="docs-page">
      <article className="docs-article">
        <header className="docs-article-header">
          {section ? <p className="docs-eyebrow">{section}</p> : null}
          <h1>{title}</h1>
          {description ? <p className="docs-lead">{description}</p> : null}
          <InlineTableOfContents headings={headings} />
        </header>
        <div className="prose">{children}</div>
        {prev || next ? (
          <nav className="pager" aria-label="Previous and next pages">
            {prev ? (
              <a className="pager-link pager-prev" href={prev.href}>
                <span className="pager-label">Previous</span>
                <span className="pager-title">{prev.title}</span>
              </a>
            ) : (
              <span />
            )}
            {next ? (
              <a className="pager-link pager-next" href={next.href}>
                <span className="pager-label">Next</span>
                <span className="pager-title">{next.title}</span>
              </a>
            ) : null}
          </nav>
        ) : null}
      </article>
      <aside className="docs-toc">
        <TableOfContents headings={headings} />
      </aside>
    </div>
  )
}
