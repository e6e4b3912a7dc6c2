/** Writes a small tree to a temporary folder for CLI tests. */
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export async function treeDir(
  files: Record<string, string>,
  options: { emptyDirs?: string[]; executable?: string[] } = {},
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 's6d-cli-'))
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), text)
  }
  for (const d of options.emptyDirs ?? []) await mkdir(join(root, d), { recursive: true })
  for (const f of options.executable ?? []) await chmod(join(root, f), 0o755)
  return root
}

/** A valid s6-rc.d: web (longrun) and init (oneshot), both on base, web in user. */
export const VALID: Record<string, string> = {
  'user/type': 'bundle\n',
  'user/contents.d/web': '',
  'web/type': 'longrun\n',
  'web/run': '#!/bin/sh\nexec sleep 1000\n',
  'web/timeout-kill': '3000\n',
  'web/dependencies.d/base': '',
  'web/dependencies.d/init': '',
  'init/type': 'oneshot\n',
  'init/up': 'true\n',
  'init/dependencies.d/base': '',
}
