import { Fragment } from 'react'

/**
 * An e-mail address (or a username, which often is one) that may wrap at sensible points on a narrow
 * screen: after "@" and after each dot (hyphens already allow a break), never in the middle of a name. The
 * text stays the same for copying and for screen readers: `<wbr>` is only a break opportunity. Use it
 * for every address shown in a table cell or beside other text, instead of letting it break anywhere.
 */
export function EmailAddress({ address }: { address: string }) {
  const parts = address.split(/(?<=[@.])/)
  return (
    <>
      {parts.map((part, index) => (
        // The parts of one address never move about: their position is their identity.
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </>
  )
}
