// The line a report or compilation prints to anchor itself in the audit log: the tree size and
// root hash of the signed checkpoint current when it was produced (see currentCheckpoint).
import type { Translator } from '../i18n/messages.ts'

export interface AuditAnchor {
  treeSize: number
  /** base64 of the 32-byte root hash */
  rootHash: string
}

/** The anchor as one line of text (Word documents, plain text). */
export function auditAnchorText(t: Translator['t'], anchor: AuditAnchor): string {
  return `${t('audit.anchor', { size: anchor.treeSize })} ${anchor.rootHash}`
}

/** The anchor as a paragraph of a page, linking to the log. */
export function AuditAnchorLine({ t, anchor }: { t: Translator['t']; anchor: AuditAnchor }) {
  return (
    <p class="muted audit-anchor">
      <a href="/audit-log">{t('audit.anchor', { size: anchor.treeSize })}</a> <code dir="ltr">{anchor.rootHash}</code>
    </p>
  )
}
