import { DIAGNOSTICS } from '@/lib/graph/diagnostics'
import { buildDocsSearchIndex } from '@/lib/docs/content'

// Written once at build time to out/docs/search-index.json; the search box fetches it.
export const dynamic = 'force-static'

export function GET() {
  return Response.json(buildDocsSearchIndex(DIAGNOSTICS))
}
