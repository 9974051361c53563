// How a module declares what may be done in it: each action's rule (who may do it to which
// subject), the API-token scope it needs, and the outcomes expected for each persona, side by
// side. Core evaluates (authorize.ts) and never names a module's action: the names and subject
// types reach `authorize` through the `Actions` interface, which each module's permissions.ts
// augments, and the rules through the registry that src/modules/index.ts fills from the manifests.
import type { Actor } from './actor.ts'
import type { Persona } from './personas.ts'
import type { SessionOnly, TokenScope } from './scopes.ts'

/** Whether the actor may do the action: with one parameter when it needs no subject. */
// biome-ignore lint/suspicious/noExplicitAny: a rule's subject is its own type; any is the only top type for parameters
export type Rule = (actor: Actor, subject: any) => boolean

/** The subject a rule is asked about; `undefined` for a rule decided on the actor alone. */
export type SubjectOf<R> = R extends (actor: Actor) => boolean
  ? undefined
  : R extends (actor: Actor, subject: infer S) => boolean
    ? S
    : never

/**
 * One row of the matrix: on this subject (none for a subjectless rule), exactly these personas
 * may act. A rule whose parameters are not annotated is inferred as taking `any`: its rows then
 * ask for the annotation instead of a subject.
 */
export type Expectation<R> = R extends (actor: Actor) => boolean
  ? { allowed: readonly Persona[]; subject?: undefined }
  : 0 extends 1 & SubjectOf<R>
    ? { 'annotate the rule: allow: (actor: Actor, subject: { ... }) => ...': never }
    : { subject: SubjectOf<R>; allowed: readonly Persona[] }

export interface ActionDeclaration<R extends Rule> {
  /** the API-token scope the action needs, or 'session' for a browser session only */
  scope: TokenScope | SessionOnly
  /** the policy: who may do it (to which subject) */
  allow: R
  /**
   * what the policy must answer for every persona (personas.ts), on each subject given; the
   * matrix test fails when a rule and its expectations part
   */
  expect: readonly [NoInfer<Expectation<R>>, ...NoInfer<Expectation<R>>[]]
}

/** A module's declared actions, by name, each rule with its own subject type. */
export type ActionSet<Rules extends Record<string, Rule>> = {
  readonly [A in keyof Rules]: ActionDeclaration<Rules[A]>
}

/** Any declaration, as core evaluates it: what a manifest's `permissions` holds. */
export interface AnyActionDeclaration {
  scope: TokenScope | SessionOnly
  allow: (actor: Actor, subject: never) => boolean
  expect: readonly { subject?: unknown; allowed: readonly Persona[] }[]
}

/** Any module's declared actions, by name. */
export type Permissions = Readonly<Record<string, AnyActionDeclaration>>

/** The rules of a set, by action name: what a module's `Actions` augmentation extends. */
export type ActionsOf<S> = { [A in keyof S]: S[A] extends ActionDeclaration<infer R> ? R : never }

/**
 * Every action of the platform, by name, with its rule's type. Empty here: core's own actions
 * (./permissions.ts) and each module's (src/modules/<m>/permissions.ts) merge into it, so
 * `authorize(actor, 'amendment.table', subject)` is checked against the declaring module's rule.
 *
 * @example
 * export const knowledgeActions = defineActions({ ... })
 * declare module '../../core/auth/actions.ts' {
 *   interface Actions extends ActionsOf<typeof knowledgeActions> {}
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging from every permissions.ts
export interface Actions {}

export type Action = keyof Actions & string

/**
 * Declares a module's actions, typed: each rule's subject type is kept for `authorize`, and each
 * expectation's subject is checked against it. Annotate every rule's parameters (`actor: Actor`,
 * `subject: {...}`): TypeScript infers the set from them, and one unannotated rule leaves the
 * whole set untyped.
 *
 * @example
 * export const libraryActions = defineActions({
 *   'library.curate': { scope: 'secretariat', allow: (actor: Actor) => isStaff(actor), expect: [{ allowed: STAFF }] },
 *   'library.item.edit': {
 *     scope: 'contribute',
 *     allow: (actor: Actor, subject: { curatorAccountId: number }) => accountIdOf(actor) === subject.curatorAccountId,
 *     expect: [{ subject: { curatorAccountId: PERSONA.accountId }, allowed: SIGNED_IN }],
 *   },
 * })
 */
export function defineActions<Rules extends Record<string, Rule>>(
  actions: {
    [A in keyof Rules]: ActionDeclaration<Rules[A]>
  },
): ActionSet<Rules> {
  return actions
}

/** An action as the registry holds it: its name, the module that declares it, its declaration. */
export interface DeclaredAction {
  name: string
  owner: string
  declaration: AnyActionDeclaration
}

const registry = new Map<string, DeclaredAction>()
const waiting = new Map<string, ((action: DeclaredAction) => void)[]>()

/**
 * Registers the actions `owner` declares; the same declaration again is a no-op, another
 * declaration of a name already taken is a bug and throws.
 */
export function registerActions(owner: string, actions: Permissions): void {
  for (const [name, declaration] of Object.entries(actions)) {
    const known = registry.get(name)
    if (known) {
      if (known.declaration === declaration) continue
      throw new Error(`the action "${name}" is declared twice: by ${known.owner} and by ${owner}`)
    }
    const declared: DeclaredAction = { name, owner, declaration }
    registry.set(name, declared)
    for (const callback of waiting.get(name) ?? []) callback(declared)
    waiting.delete(name)
  }
}

/** Every registered action, in registration order. */
export function declaredActions(): DeclaredAction[] {
  return [...registry.values()]
}

/** The registered action of that name; throws when none declares it (a bug: the name is typed). */
export function declaredAction(name: string): DeclaredAction {
  const declared = registry.get(name)
  if (!declared) {
    throw new Error(`no registered module declares the action "${name}" (is its manifest in src/modules/index.ts?)`)
  }
  return declared
}

/**
 * Calls `use` with the action once it is declared (now, if it already is). Route definitions run
 * while the modules load, before every manifest has declared its actions.
 */
export function whenDeclared(name: string, use: (action: DeclaredAction) => void): void {
  const declared = registry.get(name)
  if (declared) use(declared)
  else waiting.set(name, [...(waiting.get(name) ?? []), use])
}

/** Actions something waited for that no module declared (must be none once the modules are registered). */
export function undeclaredActions(): string[] {
  return [...waiting.keys()]
}
