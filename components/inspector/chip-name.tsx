import type { ButtonHTMLAttributes } from 'react'
import { Icon } from '@/components/ui/icons'
import type { ServiceType } from '@/lib/graph/types'

/**
 * A name in a chip list: its type's icon, and the name as a button that opens the service, or
 * as plain text for s6-overlay's own services (`serviceType` undefined), which the design does
 * not hold.
 */
export function ChipName({
  name,
  serviceType: type,
  ...button
}: { name: string; serviceType: ServiceType | undefined } & Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'type'
>) {
  return (
    <>
      <Icon name={type ?? 'dot'} size={13} className={`chip-icon type-${type ?? 'external'}`} />
      {type ? (
        <button type="button" className="chip-name" title={`Open ${name}`} {...button}>
          {name}
        </button>
      ) : (
        <span className="chip-name is-external" title="Defined by s6-overlay, not in this design">
          {name}
        </span>
      )}
    </>
  )
}
