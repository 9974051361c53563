// How negotiating text reads on a page: the label, the text with its bracketed spans marked,
// deleted paragraphs struck through, and insertions and deletions when comparing revisions.

import { BracketedText } from '../../../core/ui/bracketed-text.tsx'
import type { Piece } from '../rules/compare.ts'

export { BracketedText }

export function ParagraphText({ label, text, deleted }: { label: string | null; text: string; deleted?: boolean }) {
  const body = (
    <>
      {label ? <span class="num">{label}</span> : null} <BracketedText text={text} />
    </>
  )
  return deleted ? <del>{body}</del> : body
}

export function DiffPieces({ pieces }: { pieces: Piece[] }) {
  return (
    <>
      {pieces.map((p) =>
        p.change === 'inserted' ? (
          <ins>
            <BracketedText text={p.text} />
          </ins>
        ) : p.change === 'deleted' ? (
          <del>
            <BracketedText text={p.text} />
          </del>
        ) : (
          <BracketedText text={p.text} />
        ),
      )}
    </>
  )
}
