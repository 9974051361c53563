// A United Nations document symbol: capital letters for the issuing organ, then parts separated by
// slashes (E/CN.16/2018/CRP.1, A/RES/70/125, E/CN.16/2019/L.3/Rev.1). The same symbol is shared
// by a document's language versions; a corrected text gets its own (.../Corr.1).

const SYMBOL = /^[A-Z]{1,10}(?:\/[A-Za-z0-9][A-Za-z0-9.-]{0,29}){1,8}$/

/** The symbol without surrounding spaces when it has the shape of a UN symbol; otherwise null. */
export function documentSymbol(value: string): string | null {
  const symbol = value.trim()
  return symbol.length <= 100 && SYMBOL.test(symbol) && !/\.\.|\.\/|\.$/.test(symbol) ? symbol : null
}
