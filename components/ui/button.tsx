import { type ButtonHTMLAttributes, type ReactNode, forwardRef } from 'react'
import { Icon, type IconName } from './icons'

export type ButtonVariant = 'default' | 'primary' | 'ghost' | 'danger'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant
  size?: 'sm' | 'md'
  icon?: IconName
  /** Shortcut hint shown after the label, for example "⌘K". */
  kbd?: string
  children?: ReactNode
}

/** The app's button: quiet by default, one primary per area. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'default', size = 'md', icon, kbd, children, className, type = 'button', ...rest },
  ref,
) {
  const iconOnly = children === undefined || children === null
  const classes = [
    'btn',
    `btn-${variant}`,
    `btn-${size}`,
    iconOnly ? 'btn-icon' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <button ref={ref} type={type} className={classes} {...rest}>
      {icon ? <Icon name={icon} size={size === 'sm' ? 14 : 15} /> : null}
      {iconOnly ? null : <span className="btn-label">{children}</span>}
      {kbd ? <kbd className="btn-kbd">{kbd}</kbd> : null}
    </button>
  )
})
