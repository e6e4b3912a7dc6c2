/**
 * The docs pages' only script, bundled by scripts/build-docs-client.mjs (not by Next.js: the
 * pages are static HTML and load no React). It wires the parts of the page that need a script;
 * the live examples bring React along when they come near the screen.
 */
// The docs' styles: bundled with this script into the stylesheet the docs pages link.
import '../docs.css'
import '../prose.css'
import '../live/live.css'
import { initCopyButtons } from './copy'
import { initIslands } from './islands'
import { initLayout } from './layout'
import { initMenu } from './menu'
import { initSearch } from './search'
import { initThemeToggle } from './theme'
import { initTableOfContents } from './toc'

initThemeToggle()
initCopyButtons()
initMenu()
initLayout()
initTableOfContents()
initSearch()
initIslands()
