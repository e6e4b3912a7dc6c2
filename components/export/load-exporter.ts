import type * as Exporter from '@/lib/generate/export-files'

let loading: Promise<typeof Exporter> | undefined

/**
 * The exporter (every generator: s6-rc tree, Dockerfile, build script, README) in a chunk of
 * its own, so the designer starts without it. Loaded once, on first need (or as the pointer
 * nears the download buttons); a failed load is tried again next time.
 */
export function loadExporter(): Promise<typeof Exporter> {
  if (!loading) {
    loading = import('@/lib/generate/export-files')
    loading.catch(() => {
      loading = undefined
    })
  }
  return loading
}
