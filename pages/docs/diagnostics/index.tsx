import { DocArticle } from '@/components/docs/doc-article'
import { DocsLayout } from '@/components/docs/docs-layout'
import { diagnosticHref, groupBySeverity } from '@/lib/docs/diagnostic-pages'
import type { Heading } from '@/lib/docs/mdx-text'
import { prevNext } from '@/lib/docs/nav'
import { DIAGNOSTICS } from '@/lib/graph/diagnostics'

/** Static HTML only: this page ships no React (see DocsLayout). */
export const config = { unstable_runtimeJS: false }

export default function DiagnosticsIndex() {
  const groups = groupBySeverity(DIAGNOSTICS)
  const headings: Heading[] = groups.map((g) => ({ depth: 2, text: g.title, id: g.severity }))
  return (
    <DocsLayout
      title="Diagnostics"
      description="Every problem the designer and the linter report, with the fix for each."
      activeHref="/docs/diagnostics/"
    >
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
                    <a href={diagnosticHref(d.code)} className="diag-item">
                      <span className="diag-item-head">
                        <span className="diag-item-title">{d.title}</span>
                        <span className={`diag-badge diag-${d.severity}`}>{d.code}</span>
                      </span>
                      <span className="diag-item-text">{d.explanation}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </DocArticle>
    </DocsLayout>
  )
}
