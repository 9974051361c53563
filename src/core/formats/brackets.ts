// Inline brackets in negotiating text: "[...]" marks a span not yet agreed. The text is kept as
// typed; these functions find the spans (for display and for the paragraph's status) and say
// whether the brackets balance, so a typo does not silently bracket the rest of a paragraph.

export interface Segment {
  text: string
  bracketed: boolean
}

/** The text cut into agreed and bracketed segments; nested brackets count as one span. */
export function segments(text: string): Segment[] {
  const out: Segment[] = []
  let depth = 0
  let current = ''
  const push = (bracketed: boolean) => {
    if (current) out.push({ text: current, bracketed })
    current = ''
  }
  for (const ch of text) {
    if (ch === '[') {
      if (depth === 0) push(false)
      depth++
      current += ch
    } else if (ch === ']' && depth > 0) {
      current += ch
      depth--
      if (depth === 0) push(true)
    } else current += ch
  }
  push(depth > 0)
  return out
}

export function hasBrackets(text: string): boolean {
  return segments(text).some((s) => s.bracketed)
}

/** Whether every "[" is closed by a "]" after it. */
export function bracketsBalance(text: string): boolean {
  let depth = 0
  for (const ch of text) {
    if (ch === '[') depth++
    else if (ch === ']') {
      depth--
      if (depth < 0) return false
    }
  }
  return depth === 0
}
