'use client'

import './share.css'
import { type ReactNode, useEffect, useId, useRef } from 'react'
import { createPortal } from 'react-dom'
import { Icon, type IconName } from '@/components/ui/icons'

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])'

/**
 * A modal dialog over the designer: Escape or the backdrop closes it (when `onClose` is given),
 * Tab stays inside, focus returns to where it was. Keys never reach the canvas shortcuts.
 */
export function Modal({
  title,
  icon,
  tone = 'default',
  onClose,
  children,
  footer,
  wide,
  testId,
}: {
  title: ReactNode
  icon?: IconName
  tone?: 'default' | 'danger' | 'accent'
  onClose?: () => void
  children: ReactNode
  footer?: ReactNode
  wide?: boolean
  testId?: string
}) {
  const titleId = useId()
  const ref = useRef<HTMLDivElement>(null)
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  }, [onClose])

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    const el = ref.current
    const primary =
      el?.querySelector<HTMLElement>('[data-autofocus]') ??
      el?.querySelector<HTMLElement>(FOCUSABLE)
    primary?.focus()
    return () => before?.focus?.()
  }, [])

  const onKeyDown = (e: React.KeyboardEvent) => {
    e.stopPropagation()
    if (e.key === 'Escape' && closeRef.current) {
      e.preventDefault()
      closeRef.current()
    } else if (e.key === 'Tab') {
      const items = Array.from(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])
      const first = items[0]
      const last = items.at(-1)
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault()
        last?.focus()
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault()
        first?.focus()
      }
    }
  }

  return createPortal(
    <div
      className="dialog-backdrop share-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose?.()
      }}
    >
      <div
        ref={ref}
        className={`modal${wide ? ' modal-wide' : ''} modal-${tone}`}
        role={tone === 'danger' ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        onKeyDown={onKeyDown}
      >
        <header className="modal-header">
          {icon ? (
            <span className="modal-icon" aria-hidden="true">
              <Icon name={icon} size={16} />
            </span>
          ) : null}
          <h2 id={titleId} className="modal-title">
            {title}
          </h2>
          {onClose ? (
            <button type="button" className="modal-close" aria-label="Close" onClick={onClose}>
              <Icon name="x" size={15} />
            </button>
          ) : null}
        </header>
        <div className="modal-body">{children}</div>
        {footer ? <footer className="modal-footer">{footer}</footer> : null}
      </div>
    </div>,
    document.body,
  )
}
