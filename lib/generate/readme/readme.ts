/**
 * The README of the export (`<repoDir>/README.md`): the user's own setup documented from the
 * graph, section by section. Deterministic: no clock, no randomness.
 */
import type { ExportContext } from '../context'
import { inRepo } from '../context'
import { lines } from '../file-map'
import type { FilePaths } from '../file-map'
import { architectureSection } from './architecture'
import { debuggingSection, logsSection, problemsSection } from './debugging'
import { envSection } from './env'
import { readmeFacts } from './facts'
import { buildSection, introSection } from './intro'
import { healthSection, referencesSection, rollbackSection } from './operations'
import { servicesSection } from './services'
import { treeSection } from './tree'
import { usageSection } from './usage'

/** The README text; `files` is the rest of the export (the tree section draws it). */
export function readmeText(ctx: ExportContext, files: FilePaths): string {
  const f = readmeFacts(ctx, files)
  const out = [
    ...introSection(f),
    ...treeSection(f),
    ...servicesSection(f),
    ...buildSection(f),
    ...usageSection(f),
    ...envSection(f),
    ...logsSection(f),
    ...debuggingSection(f),
    ...problemsSection(f),
    ...architectureSection(f),
    ...healthSection(f),
    ...rollbackSection(f),
    ...referencesSection(),
  ]
  while (out[out.length - 1] === '') out.pop()
  return lines(out)
}

/** Path of the README in the export. */
export function readmePath(ctx: ExportContext): string {
  return inRepo(ctx, 'README.md')
}
