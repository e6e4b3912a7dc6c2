import { Head, Html, Main, NextScript, type DocumentProps } from 'next/document'
import { THEME_SCRIPT } from '@/components/ui/theme'
import { pageAssets } from '@/lib/client-assets'

/** The page Next.js renders for `/`: the designer. Every other Pages Router route is a docs page. */
const DESIGNER_PAGE = '/'

/**
 * The HTML around every Pages Router page. They are rendered at build time and ship no Next.js
 * runtime (`unstable_runtimeJS: false`); each loads its own script instead, bundled by
 * scripts/build-client.mjs, with the stylesheet of that bundle: the designer (which renders the
 * editor with React), or the docs client. A module script runs once the page is parsed.
 * _document renders only on the server, so it reads the manifests from disk.
 */
export default function Document({ __NEXT_DATA__ }: DocumentProps) {
  const assets = pageAssets(
    __NEXT_DATA__.page === DESIGNER_PAGE ? 'designer-client' : 'docs-client',
  )
  return (
    <Html lang="en">
      <Head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        <meta name="theme-color" media="(prefers-color-scheme: light)" content="#f6f6f7" />
        <meta name="theme-color" media="(prefers-color-scheme: dark)" content="#0e0e11" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        {/* First: the page's stylesheet holds the first paint. */}
        <link rel="preload" as="style" href={assets.css} />
        {/* `defer` changes nothing for a module script; it tells the linter so. */}
        <script type="module" src={assets.entry} defer />
      </Head>
      <body>
        {/* After the site's base styles, which Next.js links at the end of the head: the page's
            rules come later in the cascade. A stylesheet at the start of the body holds the
            first paint as one in the head does. */}
        <link rel="stylesheet" href={assets.css} />
        <Main />
        <NextScript />
      </body>
    </Html>
  )
}
