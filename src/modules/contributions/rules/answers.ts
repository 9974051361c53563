// What makes a contribution's answers acceptable: the call's language, its own questions, at least
// one answer, none over its length. Pure, so the form, the API and the draft refuse the same way.
import type { Issue } from '../../../core/result.ts'

/** An answer's limit in characters (a long study fits; a pasted book does not). */
export const ANSWER_MAX = 50_000

export interface TypedAnswer {
  questionId: number
  text: string
}

/** Answers longer than the limit, each named by its position (`answers.<index>`). */
export function lengthIssues(answers: readonly TypedAnswer[]): Issue[] {
  return answers.flatMap((a, i) =>
    a.text.trim().length > ANSWER_MAX
      ? [{ path: `answers.${i}`, code: 'validation.tooLong', values: { max: ANSWER_MAX } }]
      : [],
  )
}

/** Why these answers cannot be submitted to a call asking these questions in these languages. */
export function answerIssues(
  call: { questionIds: readonly number[]; languages: readonly string[] },
  answers: readonly TypedAnswer[],
  language: string,
): Issue[] {
  const issues: Issue[] = []
  if (!call.languages.includes(language)) issues.push({ path: 'language', code: 'contributions.languageNotAccepted' })
  const asked = new Set(call.questionIds)
  answers.forEach((a, i) => {
    if (!asked.has(a.questionId)) issues.push({ path: `answers.${i}`, code: 'contributions.unknownQuestion' })
  })
  issues.push(...lengthIssues(answers))
  if (!answers.some((a) => a.text.trim() !== '')) issues.push({ path: 'answers', code: 'contributions.answerRequired' })
  return issues
}
