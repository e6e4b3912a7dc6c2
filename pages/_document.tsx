import { Head, Html, Main, NextScript, type DocumentProps } from 'next/document'
import { THEME_SCRIPT } from '@/components/ui/theme'
import { designerAssets, docsClientEntry } from '@/lib/client-assets'

/** The page Next.js renders for `/`: the designer. Every other Pages Router route is a docs page. */
const DESIGNER_PAGE = '/'

/**
 * The HTML around every Pages Router page. They are rendered at build time and ship no Next.js
 * runtime (`unstable_runtimeJS: false`); each loads its own script instead, bundled by
 * scripts/build-client.mjs: the designer (which renders the editor with React; the page links
 * its stylesheet), or the docs client. A module script runs once the page is parsed.
 * _document renders only on the server, so it reads the manifests from disk.
 */
export default function Document({ __NEXT_DATA__ }: DocumentProps) {
  const designer = __NEXT_DATA__.page === DESIGNER_PAGE ? designerAssets() : undefined
  return (
    <Html lang="en">
      <Head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        <meta name="theme-color" media="(prefers-color-scheme: light)" content="#f6f6f7" />
        <meta name="theme-color" media="(prefers-color-scheme: dark)" content="#0e0e11" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        {designer ? (
          <>
            {/* First: the stylesheet holds the first paint. The chunks are not fetched before it
                (the page names them, see index.tsx; the script preloads them once the page has
                painted). */}
            <link rel="preload" as="style" href={designer.css} />
            <script type="module" src={designer.entry} defer />
          </>
        ) : (
          // `defer` changes nothing for a module script; it tells the linter so.
          <script type="module" src={docsClientEntry()} defer />
        )}
      </Head>
      <body>
        {designer && (
          // After the site's base styles, which Next.js links at the end of the head: the
          // designer's rules come later in the cascade, as they did when Next.js bundled them.
          // A stylesheet at the start of the body holds the first paint as one in the head does.
          <link rel="stylesheet" href={designer.css} />
        )}
        <Main />
        <NextScript />
      </body>
    </Html>
  )
}
