import type { GetStaticPaths, GetStaticProps } from 'next'
import { DocArticle } from '@/components/docs/doc-article'
import { DOC_CONTENT } from '@/components/docs/doc-content'
import { DocsLayout } from '@/components/docs/docs-layout'
import { readDocSource } from '@/lib/docs/content'
import { extractHeadings, type Heading } from '@/lib/docs/mdx-text'
import { DOCS_NAV, docHref, docPages, findDocPage, prevNext } from '@/lib/docs/nav'

/** Static HTML only: this page ships no React (see DocsLayout). */
export const config = { unstable_runtimeJS: false }

type Params = { slug?: string[] }

interface Props {
  slug: string
  headings: Heading[]
}

export const getStaticPaths: GetStaticPaths<Params> = () => ({
  paths: docPages().map((p) => ({ params: { slug: p.slug === '' ? [] : p.slug.split('/') } })),
  fallback: false,
})

export const getStaticProps: GetStaticProps<Props, Params> = ({ params }) => {
  const page = findDocPage((params?.slug ?? []).join('/'))
  if (!page) return { notFound: true }
  if (!DOC_CONTENT[page.file])
    throw new Error(`content/docs/${page.file}.mdx is not in components/docs/doc-content.ts`)
  const headings = extractHeadings(readDocSource(page)).filter(
    (h) => h.depth === 2 || h.depth === 3,
  )
  return { props: { slug: page.slug, headings } }
}

export default function DocPageRoute({ slug, headings }: Props) {
  const page = findDocPage(slug)
  if (!page) return null
  const Content = DOC_CONTENT[page.file]
  const href = docHref(page.slug)
  return (
    <DocsLayout
      title={page.slug === '' ? undefined : page.title}
      description={page.description}
      activeHref={href}
    >
      <DocArticle
        section={DOCS_NAV.find((s) => s.items.includes(page))?.title}
        title={page.title}
        description={page.description}
        headings={headings}
        neighbours={prevNext(href)}
      >
        {Content ? <Content /> : null}
      </DocArticle>
    </DocsLayout>
  )
}
