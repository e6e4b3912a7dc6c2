'use client'

/** An on/off switch (a checkbox with role="switch"). */
export function Switch({
  id,
  checked,
  onChange,
  label,
  field,
  disabled,
}: {
  id: string
  checked: boolean
  onChange: (checked: boolean) => void
  label: string
  field?: string
  disabled?: boolean
}) {
  return (
    <label className="switch" htmlFor={id}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        data-field={field}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-label">{label}</span>
    </label>
  )
}
