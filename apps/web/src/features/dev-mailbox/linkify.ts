export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string }

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g
/** Punctuation that ends a sentence rather than the address ("… på https://x.se/a."). */
const TRAILING_PUNCTUATION = /[.,;:!?'"”’»]+$/

const OPENERS: Record<string, string> = { ')': '(', ']': '[' }

function count(text: string, char: string): number {
  return text.split(char).length - 1
}

/** A closing bracket belongs to the address only when the address also opened one (Wikipedia-style). */
function trimUnbalancedClosers(url: string): string {
  let result = url
  for (;;) {
    const last = result.at(-1) ?? ''
    const opener = OPENERS[last]
    if (!opener || count(result, opener) >= count(result, last)) return result
    result = result.slice(0, -1)
  }
}

/** Splits plain text into text and http(s) links, so a message's links can be clicked. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = []
  let position = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = match[0]
    for (let previous = ''; previous !== url; ) {
      previous = url
      url = trimUnbalancedClosers(url.replace(TRAILING_PUNCTUATION, ''))
    }
    if (!/^https?:\/\/[^/?#]+/.test(url)) continue
    const start = match.index
    if (start > position) parts.push({ kind: 'text', text: text.slice(position, start) })
    parts.push({ kind: 'link', text: url, href: url })
    position = start + url.length
  }
  if (position < text.length) parts.push({ kind: 'text', text: text.slice(position) })
  return parts
}
