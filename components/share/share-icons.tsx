import type { SVGProps } from 'react'

/** Icons the shared set lacks (same 24-unit grid and stroke as components/ui/icons.tsx). */
const PATHS = {
  folder: 'M3 6a2 2 0 0 1 2-2h4l2 2.5h8a2 2 0 0 1 2 2V18a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6Z',
  archive: 'M4 3h16v18H4zM12 3v2M12 7v2M12 11v2M10 15h4v3h-4z',
  clock: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20ZM12 7v5l3 2',
} as const

export type ExtraIconName = keyof typeof PATHS

export function ExtraIcon({
  name,
  size = 16,
  ...props
}: { name: ExtraIconName; size?: number } & Omit<SVGProps<SVGSVGElement>, 'name'>) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
