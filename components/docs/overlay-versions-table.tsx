import { bootLimitText, releaseAnchor } from '@/lib/docs/table-search'
import { SUPPORTED_OVERLAY_RELEASES } from '@/lib/graph/overlay'

/**
 * `<OverlayVersionsTable />` in MDX: the s6-overlay releases the exporter targets and what
 * differs between them, from lib/graph/overlay (the designer's version picker reads the same).
 */
export function OverlayVersionsTable() {
  return (
    <div className="table-scroll">
      <table className="stack-narrow">
        <thead>
          <tr>
            <th>s6-overlay</th>
            <th>
              <code>user</code> membership in
            </th>
            <th>Boot time limit by default</th>
            <th>Bundled s6-rc</th>
          </tr>
        </thead>
        <tbody>
          {SUPPORTED_OVERLAY_RELEASES.map((r, i) => (
            <tr key={r.version} id={releaseAnchor(r.version)} className="anchored-row">
              <td data-label="s6-overlay">
                <code>{r.version}</code>
                {i === 0 ? ' (default)' : ''}
              </td>
              <td data-label="user membership in">
                <code>{r.userBundleLayout}</code>
              </td>
              <td data-label="Boot time limit by default">{bootLimitText(r)}</td>
              <td data-label="Bundled s6-rc">
                <code>{r.s6rc}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
