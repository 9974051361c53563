// Folding text for search across the six languages: case, accents and the Arabic letter
// variants that people type interchangeably, so "cote d'ivoire", "Côte d’Ivoire" and
// "COTE D IVOIRE" all find the same State.

const ARABIC_VARIANTS: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ة: 'ه', ؤ: 'و', ئ: 'ي' }

export function foldForSearch(text: string): string {
  return (
    text
      .normalize('NFKD')
      // lower-casing can itself produce combining marks (İ -> i̇), so decompose again after it
      .toLocaleLowerCase('en')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[أإآٱىةؤئ]/g, (ch) => ARABIC_VARIANTS[ch] ?? ch)
      .replace(/ـ/g, '')
      // apostrophes join: "d’Ivoire" is found by "divoire" as well as by "d ivoire"
      .replace(/['’‘ʼ`´]/g, '')
      .replace(/[\p{P}\p{S}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

/** True when every word of the query occurs in the folded haystack. */
export function matchesQuery(foldedHaystack: string, query: string): boolean {
  const words = foldForSearch(query).split(' ').filter(Boolean)
  return words.every((w) => foldedHaystack.includes(w))
}
