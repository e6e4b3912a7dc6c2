import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { DocArticle } from '@/components/docs/doc-article'
import { SEVERITY_TITLES } from '@/lib/docs/diagnostic-pages'
import type { Heading } from '@/lib/docs/mdx-text'
import { DIAGNOSTICS } from '@/lib/graph/diagnostics'

type Params = { code: string }

export const dynamicParams = false

export function generateStaticParams(): Params[] {
  return Object.keys(DIAGNOSTICS).map((code) => ({ code }))
}

function info(code: string) {
  return Object.hasOwn(DIAGNOSTICS, code) ? DIAGNOSTICS[code] : undefined
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const d = info(decodeURIComponent((await params).code))
  return d ? { title: `${d.code}: ${d.title}`, description: d.explanation } : {}
}

const HEADINGS: Heading[] = [
  { depth: 2, text: 'What it means', id: 'what-it-means' },
  { depth: 2, text: 'How to fix it', id: 'how-to-fix-it' },
  { depth: 2, text: 'Does s6-rc-compile refuse it?', id: 'compiler' },
]

export default async function DiagnosticPage({ params }: { params: Promise<Params> }) {
  const d = info(decodeURIComponent((await params).code))
  if (!d) notFound()
  const severity = SEVERITY_TITLES[d.severity].replace(/s$/, '').toLowerCase()
  return (
    <DocArticle
      section="Diagnostics"
      title={d.title}
      description={
        <>
          <span className={`diag-badge diag-${d.severity}`}>{d.code}</span>{' '}
          <span className="diag-severity">{severity}</span>
        </>
      }
      headings={HEADINGS}
      neighbours={{ prev: { href: '/docs/diagnostics/', title: 'All diagnostics' } }}
    >
      <h2 id="what-it-means">What it means</h2>
      <p>{d.explanation}</p>
      <h2 id="how-to-fix-it">How to fix it</h2>
      <p>{d.fix}</p>
      <h2 id="compiler">Does s6-rc-compile refuse it?</h2>
      <p>
        {d.rejectedByCompiler
          ? 'Yes. s6-rc-compile stops with an error on a tree like this, and s6-overlay then cannot start your services.'
          : 'No. s6-rc-compile accepts such a tree; the designer reports it because of what happens once the container runs.'}
      </p>
    </DocArticle>
  )
}
