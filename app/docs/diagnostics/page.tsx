import type { Metadata } from 'next'
import Link from 'next/link'
import { DocArticle } from '@/components/docs/doc-article'
import { diagnosticHref, groupBySeverity } from '@/lib/docs/diagnostic-pages'
import type { Heading } from '@/lib/docs/mdx-text'
import { prevNext } from '@/lib/docs/nav'
import { DIAGNOSTICS } from '@/lib/graph/diagnostics'

export const metadata: Metadata = {
  title: 'Diagnostics',
  description: 'Every problem the designer and the linter report, with the fix for each.',
}

export default function DiagnosticsIndex() {
  const groups = groupBySeverity(DIAGNOSTICS)
  const headings: Heading[] = groups.map((g) => ({ depth: 2, text: g.title, id: g.severity }))
  return (
    <DocArticle
      section="Reference"
      title="Diagnostics"
      description="Every problem the designer's problems panel and the lint command can report. Each code has its own page with the reason and the fix."
      headings={headings}
      neighbours={prevNext('/docs/diagnostics/')}
    >
      {groups.length === 0 ? (
        <p data-testid="diagnostics-empty">No diagnostics are catalogued yet.</p>
      ) : (
        groups.map((g) => (
          <section key={g.severity} aria-labelledby={g.severity}>
            <h2 id={g.severity}>
              {g.title} <span className="count">{g.items.length}</span>
            </h2>
            <ul className="diag-list">
              {g.items.map((d) => (
                <li key={d.code}>
                  <Link href={diagnosticHref(d.code)} className="diag-item" prefetch={false}>
                    <span className="diag-item-head">
                      <span className="diag-item-title">{d.title}</span>
                      <span className={`diag-badge diag-${d.severity}`}>{d.code}</span>
                    </span>
                    <span className="diag-item-text">{d.explanation}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </DocArticle>
  )
}
