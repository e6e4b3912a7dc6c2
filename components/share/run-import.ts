import type { ImportResult } from '@/lib/import/import'
import type { Picked } from './read-dropped'

/**
 * Runs the import pipeline on what the user picked or dropped. The pipeline (and jszip) load
 * on first use. Never throws: a refusal is `{ ok: false, error }`.
 */
export async function runImport(picked: Picked): Promise<ImportResult> {
  if (picked.kind === 'refused') return { ok: false, error: picked.error }
  try {
    const [{ importFile, importTree, projectNameFrom }, { treeFromEntries }] = await Promise.all([
      import('@/lib/import/import'),
      import('@/lib/import/tree-check'),
    ])
    if (picked.kind === 'file') return await importFile(picked.name, picked.bytes)
    const tree = treeFromEntries(picked.entries)
    if ('error' in tree) return { ok: false, error: `The folder was not imported: ${tree.error}.` }
    const projectName = projectNameFrom(picked.name)
    return importTree(
      { ...tree, dirs: [...tree.dirs, ...picked.dirs] },
      projectName ? { projectName } : {},
    )
  } catch (error) {
    return {
      ok: false,
      error: `${picked.name} was not imported: ${error instanceof Error ? error.message : String(error)}.`,
    }
  }
}
