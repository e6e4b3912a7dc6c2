import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { DocArticle } from '@/components/docs/doc-article'
import { readDocSource } from '@/lib/docs/content'
import { extractHeadings } from '@/lib/docs/mdx-text'
import { DOCS_NAV, docHref, docPages, findDocPage, prevNext } from '@/lib/docs/nav'

type Params = { slug?: string[] }

export const dynamicParams = false

export function generateStaticParams(): Params[] {
  return docPages().map((p) => ({ slug: p.slug === '' ? [] : p.slug.split('/') }))
}

function pageFor(slug: string[] | undefined) {
  return findDocPage((slug ?? []).join('/'))
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const page = pageFor((await params).slug)
  if (!page) return {}
  return {
    title: page.slug === '' ? { absolute: 's6 Designer docs' } : page.title,
    description: page.description,
  }
}

export default async function DocPageRoute({ params }: { params: Promise<Params> }) {
  const page = pageFor((await params).slug)
  if (!page) notFound()
  const { default: Content } = await import(`@/content/docs/${page.file}.mdx`)
  const headings = extractHeadings(readDocSource(page)).filter(
    (h) => h.depth === 2 || h.depth === 3,
  )
  const section = DOCS_NAV.find((s) => s.items.includes(page))?.title
  return (
    <DocArticle
      section={section}
      title={page.title}
      description={page.description}
      headings={headings}
      neighbours={prevNext(docHref(page.slug))}
    >
      <Content />
    </DocArticle>
  )
}
