import type { ComponentProps } from 'react'

/** MDX's h2/h3: the id from rehype-slug plus a "#" link to copy the section's address. */
export function AnchoredHeading({
  level,
  id,
  children,
  ...rest
}: ComponentProps<'h2'> & { level: 2 | 3 | 4 }) {
  const Tag = `h${level}` as const
  return (
    <Tag id={id} {...rest}>
      {children}
      {id ? (
        <a className="heading-anchor" href={`#${id}`} aria-label="Link to this section">
          #
        </a>
      ) : null}
    </Tag>
  )
}
