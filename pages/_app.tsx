import type { AppProps } from 'next/app'
import '@/app/globals.css'

/**
 * The site's base styles, on every Pages Router page. Each page's own (the docs', the
 * designer's) come with its script's bundle (scripts/build-client.mjs), so that neither page
 * gets the other's rules.
 */
export default function DocsApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />
}
