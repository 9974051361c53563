// A campaign member's personal additions: the runs of its words that the template does not have,
// found by a word diff (jsdiff's diffArrays). A sentence only moved elsewhere is not an addition.
import { diffArrays } from 'diff'
import { normalizedText } from './normalize.ts'

const SPACE = /\s+/u
const MIN_ADDITION_WORDS = 2

/**
 * What `text` adds to `template`, run by run, joined with " … " ('' when nothing). Runs of a
 * single word (a typo fixed or made) are edits, not additions.
 */
export function personalAdditions(template: string, text: string): string {
  const a = template.split(SPACE).filter(Boolean)
  const b = text.split(SPACE).filter(Boolean)
  const templateNormal = ` ${normalizedText(template)} `
  const runs: string[] = []
  for (const part of diffArrays(a, b)) {
    if (!part.added) continue
    const run = part.value.join(' ')
    const normal = normalizedText(run)
    if (normal === '' || normal.split(' ').length < MIN_ADDITION_WORDS) continue
    if (templateNormal.includes(` ${normal} `)) continue
    runs.push(run)
  }
  return runs.join(' … ')
}
