/** Text with every occurrence of the search terms wrapped in <mark>. */
export function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  const wanted = terms.filter((t) => t.length > 0)
  if (wanted.length === 0) return <>{text}</>
  const pattern = new RegExp(
    `(${wanted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
    'gi',
  )
  return (
    <>{text.split(pattern).map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}</>
  )
}
