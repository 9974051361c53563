import { describe, expect, it } from 'vitest'
import { ANSWER_MAX, answerIssues, lengthIssues } from './answers.ts'

const call = { questionIds: [1, 2], languages: ['en', 'fr'] }

describe('answers to a call', () => {
  it('accepts one answer in an accepted language to a question the call asks', () => {
    expect(answerIssues(call, [{ questionId: 2, text: 'Yes.' }], 'fr')).toEqual([])
  })

  it('refuses a language the call does not take, a question it does not ask, and no answer at all', () => {
    expect(answerIssues(call, [{ questionId: 9, text: '  ' }], 'ru').map((i) => [i.path, i.code])).toEqual([
      ['language', 'contributions.languageNotAccepted'],
      ['answers.0', 'contributions.unknownQuestion'],
      ['answers', 'contributions.answerRequired'],
    ])
  })

  it('refuses an answer over the limit, naming its position and the limit, and counts it without outer spaces', () => {
    const long = [
      { questionId: 1, text: `  ${'a'.repeat(ANSWER_MAX)}  ` },
      { questionId: 2, text: 'b'.repeat(ANSWER_MAX + 1) },
    ]
    expect(lengthIssues(long)).toEqual([{ path: 'answers.1', code: 'validation.tooLong', values: { max: ANSWER_MAX } }])
    expect(answerIssues(call, long, 'en').map((i) => i.path)).toEqual(['answers.1'])
  })
})
