import { DIAGNOSTICS } from '@/lib/graph/diagnostics'
import { searchSources } from '@/lib/docs/content'
import { buildSearchIndex } from '@/lib/docs/search-index'

// Written once at build time to out/docs/search-index.json; the search box fetches it.
export const dynamic = 'force-static'

export function GET() {
  return Response.json(buildSearchIndex(searchSources(DIAGNOSTICS)))
}
