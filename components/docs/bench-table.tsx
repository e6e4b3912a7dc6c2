import latest from '@/bench/results/latest.json'

interface Row {
  name: string
  value: number
  unit: string
  budget: number | null
  met: boolean
}

interface Results {
  when: string
  machine: string
  results: { section: string; rows: Row[]; error?: string }[]
}

const HIGHER_IS_BETTER = new Set(['score', 'fps'])

/** `<BenchTable />` in MDX: the latest `npm run bench` table, from bench/results/latest.json. */
export function BenchTable() {
  const data = latest as Results
  return (
    <>
      <p>
        Measured {data.when.replace('T', ' at ').replace('Z', ' UTC')} on {data.machine}.
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>Figure</th>
              <th>Value</th>
              <th>Budget</th>
              <th>Met</th>
            </tr>
          </thead>
          {data.results.map(({ section, rows, error }) => (
            <tbody key={section}>
              <tr>
                <th colSpan={4} scope="rowgroup">
                  {section}
                </th>
              </tr>
              {error ? (
                <tr>
                  <td colSpan={3}>Could not run: {error}</td>
                  <td>no</td>
                </tr>
              ) : null}
              {rows.map((r) => (
                <tr key={r.name}>
                  <td>{r.name}</td>
                  <td>
                    {r.value} {r.unit}
                  </td>
                  <td>
                    {r.budget === null
                      ? ''
                      : `${HIGHER_IS_BETTER.has(r.unit) ? '≥' : '≤'} ${r.budget} ${r.unit}`}
                  </td>
                  <td>{r.budget === null ? '' : r.met ? 'yes' : <strong>no</strong>}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </>
  )
}
