// A long list rendered in slices, giving the event loop back between them. Rendering is
// synchronous JavaScript: a 300-paragraph negotiating text is some 15 ms of it, and a delegate's
// write whose database answer arrives meanwhile waits for all of it (issue 15: a position POST
// under a reader). Between slices, waiting I/O runs first.
import { raw } from 'hono/html'
import { type Child, Fragment, jsx } from 'hono/jsx'
import type { HtmlEscapedString } from 'hono/utils/html'

/** Resolves on the next turn of the event loop, after the I/O that is waiting (setImmediate). */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

export async function Sliced<T>(props: {
  items: readonly T[]
  render: (item: T, index: number) => Child
  /** items per slice */
  size?: number
}): Promise<HtmlEscapedString> {
  const size = props.size ?? 25
  let html = ''
  for (let start = 0; start < props.items.length; start += size) {
    if (start > 0) await nextTurn()
    const slice = props.items.slice(start, start + size).map((item, i) => props.render(item, start + i))
    html += await jsx(Fragment, {}, slice).toString()
  }
  return raw(html)
}
