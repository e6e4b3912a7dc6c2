/**
 * s6-overlay v2 folders (`cont-init.d`, `services.d`, `cont-finish.d`, `fix-attrs.d`). s6-overlay
 * v3 still runs them through its legacy services, but s6 Designer models s6-rc services only.
 * Each folder has a converter slot; until a real converter lands, a folder is reported as
 * ignored with a warning.
 */
import type { ReadContext } from './read-tree-context'
import { LEGACY_DIRS } from './read-tree-root'
import { joinPath } from './tree-input'
import type { ServiceGraph } from './types'

export type LegacyDir = (typeof LEGACY_DIRS)[number]

/** Turns one legacy folder into services of the graph; returns the new graph. */
export type LegacyConverter = (ctx: ReadContext, path: string, graph: ServiceGraph) => ServiceGraph

const WHAT: Record<LegacyDir, string> = {
  'etc/cont-init.d': 'init scripts run once before the services (turn each into a oneshot)',
  'etc/services.d': 'v2 supervised services (turn each into a longrun)',
  'etc/cont-finish.d': 'scripts run at shutdown (turn each into the down of a oneshot)',
  'etc/fix-attrs.d': 'file ownership and mode fixes (do them in the Dockerfile or in a oneshot)',
}

function notConverted(dir: LegacyDir): LegacyConverter {
  return (ctx, path, graph) => {
    ctx.noteAll(path, 'ignored', 's6-overlay v2 layout: not imported yet')
    ctx.diag({
      code: 'legacy-v2-folder',
      severity: 'warning',
      file: path,
      message: `${path} holds ${WHAT[dir]}. s6-overlay v3 still runs it through its legacy services, but the import does not turn it into services yet, so the imported design lacks it.`,
      fix: 'Recreate these as s6-rc services in the designer, or keep the folder in your image next to the export.',
    })
    return graph
  }
}

/** One converter per legacy folder. Replace an entry to add a real conversion. */
export const LEGACY_CONVERTERS: Record<LegacyDir, LegacyConverter> = {
  'etc/cont-init.d': notConverted('etc/cont-init.d'),
  'etc/services.d': notConverted('etc/services.d'),
  'etc/cont-finish.d': notConverted('etc/cont-finish.d'),
  'etc/fix-attrs.d': notConverted('etc/fix-attrs.d'),
}

/** Runs the converter of every legacy folder present under `rootfs`. */
export function convertLegacy(ctx: ReadContext, rootfs: string, graph: ServiceGraph): ServiceGraph {
  let g = graph
  for (const dir of LEGACY_DIRS) {
    const path = joinPath(rootfs, dir)
    if (ctx.tree.dirs.has(path)) g = LEGACY_CONVERTERS[dir](ctx, path, g)
  }
  return g
}
