// The writes the process and call commands make, inside their transaction (meetings, documents
// and transmissions are in queries-write-meetings.ts).
import type { Db } from '../../core/db/database.ts'
import { callColumns, pdb } from './queries.ts'
import type { Call } from './rules/calls.ts'
import type { CallInput, ProcessInput } from './schemas.ts'
import type { ProcessState } from './tables.ts'

/** Inserts a process with its guiding questions and phases; its id. */
export async function insertProcess(trx: Db, bodyId: number, input: ProcessInput, now: Date): Promise<{ id: number }> {
  const row = await pdb(trx)
    .insertInto('processesProcess')
    .values({
      bodyId,
      slug: input.slug,
      title: input.title,
      description: input.description ?? '',
      objectives: input.objectives ?? '',
      mandateSymbol: input.mandateSymbol,
      mandateParagraph: input.mandateParagraph ?? null,
      mandateText: input.mandateText ?? '',
      recurrence: input.recurrence ?? 'none',
      cycleYear: input.cycleYear ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const questions = input.questions ?? []
  if (questions.length)
    await pdb(trx)
      .insertInto('processesGuidingQuestion')
      .values(questions.map((text, i) => ({ processId: row.id, position: i + 1, text })))
      .execute()
  if (input.phases?.length)
    await pdb(trx)
      .insertInto('processesPhase')
      .values(input.phases.map((p) => ({ processId: row.id, ...p })))
      .execute()
  return row
}

/** Sets a process's state; the database's trigger records the change (processes_state_change). */
export async function updateProcessState(
  trx: Db,
  processId: number,
  change: { state: ProcessState; reason: string | null; by: number | null },
  now: Date,
): Promise<void> {
  await pdb(trx)
    .updateTable('processesProcess')
    .set({
      state: change.state,
      stateReason: change.reason,
      stateChangedBy: change.by,
      stateChangedAt: now,
      updatedAt: now,
    })
    .where('id', '=', processId)
    .execute()
}

export async function insertCall(trx: Db, processId: number, input: CallInput): Promise<Call> {
  return pdb(trx)
    .insertInto('processesCall')
    .values({ processId, ...input, questionIds: [...new Set(input.questionIds)] })
    .returning(callColumns)
    .executeTakeFirstOrThrow()
}

export async function setCallExtension(trx: Db, callId: number, until: Date): Promise<void> {
  await pdb(trx).updateTable('processesCall').set({ extendedUntil: until }).where('id', '=', callId).execute()
}
