// A UN document symbol as the Secretariat types it ("E/CN.16/2018/CRP.3", "A/RES/70/125",
// "E/2018/L.5/Rev.1"): a principal organ's letters, then segments separated by "/". Checked, never
// rewritten, so what was typed comes back beside the reason when it is refused.

/** Longest symbol accepted (the longest in the ODS catalogue is about 40 characters). */
export const SYMBOL_MAX = 60

/** A series letter group, then at least one segment of letters, digits, dots or hyphens. */
const SYMBOL = /^[A-Z]{1,6}(\/[A-Za-z0-9][A-Za-z0-9.\-()]*)+$/

/** Why a typed symbol is not one (a message key's tail), or null when it is. */
export function symbolProblem(typed: string): 'empty' | 'tooLong' | 'shape' | null {
  const s = typed.trim()
  if (s === '') return 'empty'
  if (s.length > SYMBOL_MAX) return 'tooLong'
  if (!SYMBOL.test(s) || s.includes('//') || s.endsWith('.')) return 'shape'
  return null
}

/** Whether the symbol marks a conference room paper ("CRP"), circulated to participants only. */
export const isConferenceRoomPaper = (symbol: string) => /\/CRP\.\d+/.test(symbol)
