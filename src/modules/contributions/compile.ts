// Producing a process's compilation from its published contributions (for the page, the .docx
// download and `ecp compile`).
import { currentCheckpoint } from '../../core/audit/checkpoint.ts'
import type { Db } from '../../core/db/database.ts'
import { findProcess, guidingQuestions } from '../processes/index.ts'
import { buildCompilation } from './compilation.ts'
import { publishedWithAnswers } from './queries.ts'

export async function compilationOf(db: Db, processId: number) {
  const process = await findProcess(db, processId)
  if (!process) return null
  const [questions, contributions] = await Promise.all([
    guidingQuestions(db, processId),
    publishedWithAnswers(db, processId),
  ])
  const compilation = buildCompilation(process.title, questions, contributions)
  // a compilation anchors the audit log as it stands when produced
  return { process, compilation: { ...compilation, auditCheckpoint: await currentCheckpoint(db) } }
}
