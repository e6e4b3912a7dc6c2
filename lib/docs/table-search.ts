/**
 * Search entries for the reference tables that MDX renders from data (`<S6SettingsTable />`,
 * `<OverlayVersionsTable />`): one per row, built from the same data and cell text the
 * components render, each linking to its row's anchor.
 */
import type { OverlayRelease, S6Setting } from '../graph/overlay'
import { S6_SETTINGS, SUPPORTED_OVERLAY_RELEASES } from '../graph/overlay'
import { S6_SETTING_NOTES } from './s6-setting-notes'
import type { IndexSource, SearchEntry } from './search-index'

/** The id of a setting's row: the variable's name, so `#S6_KILL_GRACETIME` works. */
export function settingAnchor(name: string): string {
  return name
}

/** The id of a release's row in the versions table. */
export function releaseAnchor(version: string): string {
  return `s6-overlay-${version}`
}

/** A setting's Effect cell: its meaning, then what the docs add. */
export function settingEffect(s: S6Setting): string {
  const note = S6_SETTING_NOTES[s.name]
  return note ? `${s.meaning} ${note}` : s.meaning
}

/** A release's "Boot time limit by default" cell. */
export function bootLimitText(r: OverlayRelease): string {
  return r.waitForServicesMaxtimeDefault === 0
    ? 'none'
    : `${r.waitForServicesMaxtimeDefault / 1000} s`
}

/** The page whose MDX renders a component (`<Name />`), if any. */
function pageWith(pages: readonly IndexSource[], component: string): IndexSource | undefined {
  return pages.find((p) => new RegExp(`<${component}[\\s/>]`).test(p.source))
}

/** One entry per S6_* setting and per supported s6-overlay release, on the page showing it. */
export function tableSearchEntries(pages: readonly IndexSource[]): SearchEntry[] {
  const entries: SearchEntry[] = []
  const settings = pageWith(pages, 'S6SettingsTable')
  if (settings) {
    for (const s of S6_SETTINGS) {
      entries.push({
        href: `${settings.href}#${settingAnchor(s.name)}`,
        page: settings.title,
        section: s.name,
        text: `Default: ${s.default === '' ? 'unset' : s.default}. ${settingEffect(s)}`,
      })
    }
  }
  const versions = pageWith(pages, 'OverlayVersionsTable')
  if (versions) {
    SUPPORTED_OVERLAY_RELEASES.forEach((r, i) => {
      entries.push({
        href: `${versions.href}#${releaseAnchor(r.version)}`,
        page: versions.title,
        section: `s6-overlay ${r.version}${i === 0 ? ' (default)' : ''}`,
        text: `user membership in ${r.userBundleLayout}. Boot time limit by default: ${bootLimitText(r)}. Bundled s6-rc ${r.s6rc}.`,
      })
    })
  }
  return entries
}
