import type { GetStaticPaths, GetStaticProps } from 'next'
import { DocArticle } from '@/components/docs/doc-article'
import { DocsLayout } from '@/components/docs/docs-layout'
import type { TopicLink } from '@/lib/docs/content'
import { diagnosticTopicLink } from '@/lib/docs/content'
import { diagnosticHref, SEVERITY_TITLES } from '@/lib/docs/diagnostic-pages'
import type { Heading } from '@/lib/docs/mdx-text'
import { DIAGNOSTICS } from '@/lib/graph/diagnostics'

/** Static HTML only: this page ships no React (see DocsLayout). */
export const config = { unstable_runtimeJS: false }

type Params = { code: string }

interface Props {
  code: string
  /** The guide section the code belongs to (lib/docs/diagnostic-topics). */
  learnMore: TopicLink | null
}

function info(code: string) {
  return Object.hasOwn(DIAGNOSTICS, code) ? DIAGNOSTICS[code] : undefined
}

export const getStaticPaths: GetStaticPaths<Params> = () => ({
  paths: Object.keys(DIAGNOSTICS).map((code) => ({ params: { code } })),
  fallback: false,
})

export const getStaticProps: GetStaticProps<Props, Params> = ({ params }) => {
  const code = params?.code ?? ''
  if (!info(code)) return { notFound: true }
  return { props: { code, learnMore: diagnosticTopicLink(code) ?? null } }
}

const HEADINGS: Heading[] = [
  { depth: 2, text: 'What it means', id: 'what-it-means' },
  { depth: 2, text: 'How to fix it', id: 'how-to-fix-it' },
  { depth: 2, text: 'Does s6-rc-compile refuse it?', id: 'compiler' },
]

const LEARN_MORE: Heading = { depth: 2, text: 'Learn more', id: 'learn-more' }

export default function DiagnosticPage({ code, learnMore }: Props) {
  const d = info(code)
  if (!d) return null
  const severity = SEVERITY_TITLES[d.severity].replace(/s$/, '').toLowerCase()
  return (
    <DocsLayout
      title={`${d.code}: ${d.title}`}
      description={d.explanation}
      activeHref={diagnosticHref(d.code)}
    >
      <DocArticle
        section="Diagnostics"
        title={d.title}
        description={
          <>
            <span className={`diag-badge diag-${d.severity}`}>{d.code}</span>{' '}
            <span className="diag-severity">{severity}</span>
          </>
        }
        headings={learnMore ? [...HEADINGS, LEARN_MORE] : HEADINGS}
        neighbours={{
          prev: { href: '/docs/diagnostics/', title: 'All diagnostics' },
          ...(learnMore ? { next: learnMore } : {}),
        }}
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
        {learnMore ? (
          <>
            <h2 id={LEARN_MORE.id}>{LEARN_MORE.text}</h2>
            <p>
              The guide explains the idea behind this check:{' '}
              <a href={learnMore.href} data-testid="learn-more">
                {learnMore.title}
              </a>
              .
            </p>
          </>
        ) : null}
      </DocArticle>
    </DocsLayout>
  )
}
