/**
 * The s6-rc source tree as it sits in the image, under the export's `rootfs/`: one folder per
 * service in /etc/s6-overlay/s6-rc.d/, oneshot scripts in /etc/s6-overlay/scripts/, and the
 * `user`/`user2` membership where the target release reads it (FORMAT §1, §5).
 */
import { OVERLAY_BUNDLES, OVERLAY_DEFINED } from '../graph/overlay'
import type { ServiceGraph, ServiceName } from '../graph/types'
import { createContext, report } from './context'
import type { ExportContext } from './context'
import { FileGroups } from './file-map'
import type { FileMap } from './file-map'
import { oneshotScriptPath } from '../graph/script-call'
import { serviceDir, serviceDirFiles, userBundleFiles } from './service-dir'

const OVERLAY_OWN = new Set<string>(OVERLAY_DEFINED)
const OVERLAY_USER = new Set<string>(OVERLAY_BUNDLES)

/** Adds the whole source tree of the context's graph to `files`, a group per folder. */
export function addSourceTree(ctx: ExportContext, files: FileGroups): void {
  // A oneshot's own `up` script wins over another one's `-down` script of the same name.
  const scriptOwners = new Map<string, ServiceName>()
  for (const [name, service] of ctx.services) {
    if (service.type === 'oneshot') scriptOwners.set(oneshotScriptPath(name, 'up'), name)
  }
  for (const [name, service] of ctx.services) {
    if (OVERLAY_USER.has(name)) {
      if (service.type === 'bundle') {
        const members: FileMap = new Map()
        userBundleFiles(ctx, members, name as 'user' | 'user2', service)
        files.add(members)
      } else {
        report(
          ctx,
          'export-overlay-name',
          'error',
          `${name} is s6-overlay's own bundle; a ${service.type} of that name cannot be exported.`,
          {
            service: name,
            fix: `Rename the ${service.type}.`,
          },
        )
      }
      continue
    }
    if (OVERLAY_OWN.has(name)) {
      report(
        ctx,
        'export-overlay-name',
        'error',
        `${name} is defined by s6-overlay itself; a second definition makes s6-rc-compile fail, so it was left out.`,
        {
          service: name,
          fix: `Rename ${name}.`,
        },
      )
      continue
    }
    // A malformed service (missing fields in hand-edited JSON) is left out, not the export.
    const own: FileMap = new Map()
    try {
      serviceDirFiles(ctx, own, name, service, scriptOwners)
    } catch (error) {
      report(
        ctx,
        'export-service-failed',
        'error',
        `${name} could not be written (${error instanceof Error ? error.message : String(error)}); it was left out.`,
        {
          service: name,
          fix: 'Check the service for missing fields, or recreate it in the editor.',
        },
      )
      continue
    }
    addServiceFiles(files, serviceDir(ctx, name), own)
  }
}

/** A service's folder as one group; the scripts it writes elsewhere, one group each. */
function addServiceFiles(files: FileGroups, dir: string, own: FileMap): void {
  const inside = `${dir}/`
  let elsewhere = false
  for (const path of own.keys()) if (!path.startsWith(inside)) elsewhere = true
  if (!elsewhere) return files.add(own)
  const folder: FileMap = new Map()
  for (const [path, file] of own) {
    if (path.startsWith(inside)) folder.set(path, file)
    else files.set(path, file)
  }
  files.add(folder)
}

/**
 * The s6-rc source tree of a graph: paths under `<repoDir>/rootfs/etc/s6-overlay/`, sorted.
 *
 * @example
 * sourceTreeFiles(graph).get('docker/s6/rootfs/etc/s6-overlay/s6-rc.d/web/type')
 * // { contents: 'longrun\n', executable: false }
 */
export function sourceTreeFiles(graph: ServiceGraph): FileMap {
  const ctx = createContext(graph)
  const files = new FileGroups()
  addSourceTree(ctx, files)
  return files.sorted()
}
