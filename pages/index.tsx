import Head from 'next/head'
import { EditorSkeleton } from '@/components/editor/editor-skeleton'
import { DESIGNER_ROOT_ID } from '@/components/editor/designer-root'
import { NarrowNote } from '@/components/editor/narrow-note'

/**
 * The designer. Next.js renders this page to static HTML at build time: the skeleton, painted
 * with the first frame. It ships no Next.js runtime; the designer's own script (see
 * _document and components/editor/client/designer.tsx) renders the editor in its place: with
 * no router of Next.js's to start first, the designer is usable sooner.
 */
export const config = { unstable_runtimeJS: false }

export default function Home() {
  return (
    <>
      <Head>
        <title>s6 Designer</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <noscript>
          <style>{'.skeleton-text:not(.skeleton-noscript) { display: none; }'}</style>
        </noscript>
        <meta
          name="description"
          content="Design s6-overlay services as a graph and download the s6-rc.d tree, Dockerfile stage and docs."
        />
      </Head>
      <main className="home">
        <h1 className="sr-only">s6 Designer</h1>
        <NarrowNote />
        <div id={DESIGNER_ROOT_ID} className="designer-root">
          <EditorSkeleton />
        </div>
      </main>
    </>
  )
}
