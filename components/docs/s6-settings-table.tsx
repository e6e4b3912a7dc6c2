import { S6_SETTINGS } from '@/lib/graph/overlay'

/** `<S6SettingsTable />` in MDX: every S6_* setting the designer offers, from lib/graph/overlay. */
export function S6SettingsTable() {
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th>Setting</th>
            <th>Default</th>
            <th>Effect</th>
          </tr>
        </thead>
        <tbody>
          {S6_SETTINGS.map((s) => (
            <tr key={s.name}>
              <td>
                <code>{s.name}</code>
              </td>
              <td>{s.default === '' ? <em>unset</em> : <code>{s.default}</code>}</td>
              <td>{s.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
