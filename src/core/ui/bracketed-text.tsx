// Negotiating text on a page with its bracketed spans (not yet agreed) marked.
import { segments } from '../formats/brackets.ts'

export function BracketedText({ text }: { text: string }) {
  return <>{segments(text).map((s) => (s.bracketed ? <span class="bracket">{s.text}</span> : s.text))}</>
}
