import { type ReactNode, type Ref, useId } from 'react'
import { TableScroll } from './table-scroll.tsx'

/**
 * A list as a table: real column headers, named by its caption or by a heading outside it (`labelledBy`),
 * scrolling sideways on its own on a narrow screen. The rows are the caller's: `<tr>`s whose first cell
 * is a `<th scope="row">`. `className` sets the width below which it scrolls (`min-w-[44rem]`).
 */
export function DataTable({
  caption,
  labelledBy,
  columns,
  className = '',
  bodyRef,
  children,
}: {
  caption?: string
  labelledBy?: string
  /** The column headers; one may be visually hidden (`<span className="sr-only">`). */
  columns: readonly ReactNode[]
  className?: string
  bodyRef?: Ref<HTMLTableSectionElement>
  children: ReactNode
}) {
  const captionId = useId()
  return (
    <TableScroll labelledBy={labelledBy ?? captionId}>
      <table
        aria-labelledby={labelledBy}
        className={`w-full border-collapse text-left text-base ${className}`}
      >
        {caption ? (
          <caption id={captionId} className="mb-3 text-left font-bold text-xl">
            {caption}
          </caption>
        ) : null}
        <thead>
          <tr className="border-ink border-b-2">
            {columns.map((column, index) => (
              <th key={index} scope="col" className={index < columns.length - 1 ? 'py-2 pr-4' : 'py-2'}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={bodyRef}>{children}</tbody>
      </table>
    </TableScroll>
  )
}
