// Names people type (a person's, an organization's, an account's) can hold any script and any
// Unicode control, including U+202E, which would reverse the text after it. Every view prints
// such a name through `Name` (a <bdi>, isolated from its neighbours); text that cannot hold
// markup (a page title, an attribute, an <option>, a mail) uses `isolated`, the plain-text
// equivalent (FSI ... PDI, which also closes any embedding the name left open).
import type { Child } from 'hono/jsx'

/** A user-supplied name, isolated from the text around it. */
export function Name({ children }: { children: Child }) {
  return <bdi>{children}</bdi>
}

const FSI = '\u2068'
const PDI = '\u2069'

/** A user-supplied name for plain text: between First Strong Isolate and Pop Directional Isolate. */
export function isolated(name: string): string {
  return `${FSI}${name}${PDI}`
}
