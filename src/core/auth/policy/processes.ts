// Who may run bodies and processes, and who may contribute to them.
import { type Actor, delegationsOf, isSignedIn, isStaff, organizationsOf } from '../actor.ts'

/**
 * The Chair of a body: a chair grant scoped to that body. A Chair chairs bodies, not the platform:
 * a chair grant without a body chairs nothing (the database refuses new ones; see
 * src/modules/administration/rules/grants.ts).
 */
export function chairsBody(actor: Actor, bodyId: number): boolean {
  return chairedBodies(actor).includes(bodyId)
}

/** The bodies (ids) this actor chairs. */
export function chairedBodies(actor: Actor): number[] {
  if (actor.kind !== 'account') return []
  return actor.grants.flatMap((g) => (g.role === 'chair' && g.scope?.type === 'body' ? [Number(g.scope.id)] : []))
}

/** Speaks for the contribution's author: the author, or a fellow delegate or representative. */
function speaksFor(
  actor: Actor,
  subject: { authorAccountId: number; memberStateIso3: string | null; organizationId: number | null },
): boolean {
  if (actor.kind !== 'account') return false
  if (subject.memberStateIso3) return delegationsOf(actor).includes(subject.memberStateIso3)
  if (subject.organizationId) return organizationsOf(actor).includes(subject.organizationId)
  return actor.accountId === subject.authorAccountId
}

export const processesPolicy = {
  'body.read': () => true,
  'process.read': () => true,
  /** Set up bodies: composition, members, officers. */
  'body.manage': (actor: Actor) => isStaff(actor),
  /** Run a process of a body: calls, meetings, documents, attendance, phases, transmission. */
  'process.manage': (actor: Actor, subject: { bodyId: number }) => isStaff(actor) || chairsBody(actor, subject.bodyId),
  /** Extend a call past its closing time: the Chair decides; the Secretariat may record it. */
  'call.extend': (actor: Actor, subject: { bodyId: number }) => isStaff(actor) || chairsBody(actor, subject.bodyId),
  /** Submit to a call; who may speak for whom is the call's eligibility rule. */
  'contribution.submit': (actor: Actor) => isSignedIn(actor),
  /** Revise or withdraw a contribution: whoever speaks for its author. */
  'contribution.revise': (
    actor: Actor,
    subject: { authorAccountId: number; memberStateIso3: string | null; organizationId: number | null },
  ) => speaksFor(actor, subject),
  /** Publish contributions held for review, hide abusive content with a public reason. */
  'contribution.moderate': (actor: Actor) => isStaff(actor),
  /** Follow bodies and processes, and choose the digest's frequency. */
  'follow.manage': (actor: Actor) => isSignedIn(actor),
}
