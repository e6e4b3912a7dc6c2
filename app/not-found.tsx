/* eslint-disable @next/next/no-html-link-for-pages -- plain links on purpose: the 404 page is
   served for any address, and a full page load is the sure way out of it. */
import type { Metadata } from 'next'
import { ENCODED_START, LINK_PREFIX } from '@/lib/share/codec'

export const metadata: Metadata = { title: 'Page not found · s6 Designer' }

/**
 * A share link whose `#` a chat app or mail client percent-encoded arrives as a path
 * (`/%23s6g=…`): sent on to the designer with the design in its fragment, as the link meant
 * (as findLinkFragment reads it). A plain inline script: a client component here would load
 * on every page, the not-found boundary being part of the root layout.
 */
const REDIRECT_ENCODED_LINK = `(function () {
  if (location.hash) return
  var m = new RegExp(${JSON.stringify(ENCODED_START.source)}, 'i').exec(location.href)
  if (m) location.replace('/#' + location.href.slice(m.index + 3).replace(/^s6g%3D/i, ${JSON.stringify(LINK_PREFIX)}))
})()`

/**
 * Any address the site does not have (a moved docs page, a diagnostic code an old build linked
 * to): where to go on from here, instead of a bare 404. A share link whose `#` was written
 * as `%23` on the way lands here too, and is sent on to the designer.
 */
export default function NotFound() {
  return (
    <main className="not-found">
      {/* A fixed script: no user text in it. */}
      <script dangerouslySetInnerHTML={{ __html: REDIRECT_ENCODED_LINK }} />
      <p className="not-found-code">404</p>
      <h1>Page not found</h1>
      <p>Nothing lives at this address: the page may have moved, or the link has a typo.</p>
      <ul>
        <li>
          <a href="/">Open the designer</a>, with your design as you left it.
        </li>
        <li>
          <a href="/docs/">Read the docs</a>, and search them with the box at the top of any docs
          page.
        </li>
        <li>
          <a href="/docs/diagnostics/">Every problem the designer reports</a>, each with its page.
        </li>
      </ul>
    </main>
  )
}
