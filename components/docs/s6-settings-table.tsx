import { settingAnchor, settingEffect } from '@/lib/docs/table-search'
import { S6_SETTINGS } from '@/lib/graph/overlay'

/**
 * `<S6SettingsTable />` in MDX: every S6_* setting the designer offers, from lib/graph/overlay.
 * Each row's id is the setting's name; the search index links there (lib/docs/table-search).
 */
export function S6SettingsTable() {
  return (
    <div className="table-scroll">
      <table className="fixed-table stack-narrow">
        <colgroup>
          <col style={{ width: '38%' }} />
          <col style={{ width: '17%' }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th>Setting</th>
            <th>Default</th>
            <th>Effect</th>
          </tr>
        </thead>
        <tbody>
          {S6_SETTINGS.map((s) => (
            <tr key={s.name} id={settingAnchor(s.name)} className="anchored-row">
              <td data-label="Setting">
                <code className="code-breakable">
                  {s.name.split('_').map((part, i, parts) => (
                    <span key={i}>
                      {part}
                      {i < parts.length - 1 ? '_' : ''}
                      <wbr />
                    </span>
                  ))}
                </code>
              </td>
              <td data-label="Default">
                {s.default === '' ? (
                  <em>unset</em>
                ) : (
                  <code className="code-breakable">{s.default}</code>
                )}
              </td>
              <td data-label="Effect">{settingEffect(s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
