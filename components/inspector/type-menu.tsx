'use client'

import { useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { Icon } from '@/components/ui/icons'
import { type MenuItem, MenuList } from '@/components/ui/menu'
import { useMenu } from '@/components/ui/use-menu'
import { listing } from '@/lib/generate/readme/markdown'
import { USER_BUNDLE } from '@/lib/graph/service-graph'
import type { ServiceName, ServiceType } from '@/lib/graph/types'

const TYPES: { type: ServiceType; description: string }[] = [
  { type: 'oneshot', description: 'Runs its up script once at start, down at stop' },
  { type: 'longrun', description: 'A process s6 supervises and restarts when it exits' },
  { type: 'bundle', description: 'A name for a group of services, with no script' },
]

/** How the notice names what a type change left behind (`changeType`'s `dropped`). */
const LEFT_BEHIND: Record<string, string> = {
  dependencies: 'dependencies',
  contents: 'members',
  up: 'up script',
  run: 'run script',
  down: 'down script',
  finish: 'finish script',
  env: 'variables',
  readiness: 'readiness',
  lockFd: 'lock fd',
  timeoutUp: 'up timeout',
  timeoutDown: 'down timeout',
  timeoutKill: 'kill timeout',
  timeoutFinish: 'finish timeout',
  downSignal: 'down signal',
  maxDeathTally: 'death tally',
  process: 'process name',
  children: 'child processes',
  extraFiles: 'extra files',
  withContenv: 'with-contenv setting',
  estimatedUpMs: 'estimated start time',
  healthcheck: 'place in the health check',
}

/** "web is now a oneshot. Left behind: its finish script and variables." */
export function describeTypeChange(
  name: ServiceName,
  type: ServiceType,
  dropped: readonly string[],
): string {
  const now = `${name} is now a ${type}.`
  if (dropped.length === 0) return now
  return `${now} Left behind: its ${listing(dropped.map((f) => LEFT_BEHIND[f] ?? f))}.`
}

/**
 * The type pill of the inspector's header, as a menu of the other types: picking one changes
 * the service's type (one undo step) and says what did not carry over, or why it may not.
 * The boot bundle's pill stays a plain label.
 */
export function TypeMenu({ name, type }: { name: ServiceName; type: ServiceType }) {
  const store = useEditorStoreApi()
  const menu = useMenu()
  const pill = (
    <>
      <Icon name={type} size={13} />
      {type}
    </>
  )
  if (name === USER_BUNDLE) return <span className={`type-pill type-${type}`}>{pill}</span>
  const items: MenuItem[] = TYPES.filter((t) => t.type !== type).map((t) => ({
    id: t.type,
    label: `Make it a ${t.type}`,
    description: t.description,
    icon: t.type,
    onSelect: () => {
      const s = store.getState()
      const result = s.changeType(name, t.type)
      s.showNotice(
        result.ok
          ? {
              message: describeTypeChange(name, t.type, result.dropped),
              tone: 'info',
              action: { label: 'Undo', kind: 'undo' },
            }
          : { message: result.reason, tone: 'error' },
      )
    },
  }))
  return (
    <div className="menu">
      <button
        {...menu.buttonProps}
        className={`type-pill type-${type} type-pill-button`}
        aria-label={`Type: ${type}. Change type`}
        title="Change type"
      >
        {pill}
        <Icon name="chevronDown" size={11} className="menu-chevron" />
      </button>
      {menu.open ? (
        <MenuList
          menu={menu}
          items={items}
          ariaLabel={`Change ${name}'s type`}
          className="menu-start"
          heading="Change type"
        />
      ) : null}
    </div>
  )
}
