import { Head, Html, Main, NextScript } from 'next/document'
import { THEME_SCRIPT } from '@/components/ui/theme'
import { docsClientEntry } from '@/lib/docs/client-entry'

/**
 * The HTML around the docs pages (the only Pages Router routes). They are rendered at build
 * time and ship no React (`unstable_runtimeJS: false`); the one script they load instead is the
 * docs client (components/docs/client/), a module, so it runs once the page is parsed.
 * _document renders only on the server, so it reads the client's manifest from disk.
 */
export default function Document() {
  return (
    <Html lang="en">
      <Head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        <meta name="theme-color" media="(prefers-color-scheme: light)" content="#f6f6f7" />
        <meta name="theme-color" media="(prefers-color-scheme: dark)" content="#0e0e11" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        {/* `defer` changes nothing for a module script; it tells the linter so. */}
        <script type="module" src={docsClientEntry()} defer />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  )
}
