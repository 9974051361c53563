import { describe, expect, it } from 'vitest'
import { personalAdditions } from './additions.ts'

const template = 'We ask the working group to keep the Internet open. Access must be affordable for everyone.'

describe('personal additions', () => {
  it('are the words a member added to the template', () => {
    expect(personalAdditions(template, `${template} In my village the only connection is at the school.`)).toBe(
      'In my village the only connection is at the school.',
    )
  })

  it('are nothing for an exact copy, a typo or a sentence moved', () => {
    expect(personalAdditions(template, template)).toBe('')
    expect(personalAdditions(template, template.replace('affordable', 'afordable'))).toBe('')
    expect(
      personalAdditions(
        template,
        'Access must be affordable for everyone. We ask the working group to keep the Internet open.',
      ),
    ).toBe('')
  })

  it('keep separate additions apart', () => {
    const added = personalAdditions(template, `Dear Chair, please listen. ${template} Thank you all.`)
    expect(added).toBe('Dear Chair, please listen. … Thank you all.')
  })
})
