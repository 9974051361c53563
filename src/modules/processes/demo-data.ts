// The demo's bodies and processes: the CSTD Working Group on Enhanced Cooperation (2016-2018)
// as the seed report (seed 003) tells it, and the CSTD's standing agenda item of 2027.

/** WSIS+10 outcome (A/RES/70/125) para 65, as quoted in the WGEC report, para 1. */
export const WGEC_MANDATE = `We note, however, the divergent views held by Member States with respect to the process towards implementation of enhanced cooperation as envisioned in the Tunis Agenda. We call for continued dialogue and work on the implementation of enhanced cooperation. We accordingly request the Chair of the Commission on Science and Technology for Development, through the Economic and Social Council, to establish a working group to develop recommendations on how to further implement enhanced cooperation as envisioned by the Tunis Agenda, taking into consideration the work that has been done on this matter thus far. The group, which shall be constituted no later than July 2016, will decide at the outset on its methods of work, including modalities, and will ensure the full involvement of all relevant stakeholders, taking into account all their diverse views and expertise. The group shall submit a report to the Commission on Science and Technology for Development at its twenty-first session for inclusion in the annual report of the Commission to the Council. The report will also serve as an input to the regular reporting of the Secretary-General on implementation of the outcomes of the World Summit on the Information Society.`

/** The two guiding questions agreed at the first meeting (seed 003 para 4). */
export const WGEC_QUESTIONS = [
  'What are the high level characteristics of enhanced cooperation?',
  'Taking into consideration the work of the previous WGEC and the Tunis Agenda, particularly paragraphs 69-71, what kind of recommendations should be considered?',
]

const GENEVA = 'Palais des Nations, Geneva'
const REMOTE = 'https://unctad.org/meetings/wgec'

/** The five meetings (seed 003 para 3), with what each did (paras 4-8). */
export const WGEC_MEETINGS = [
  {
    number: 1,
    title: 'First meeting of the Working Group on Enhanced Cooperation',
    from: '2016-09-30',
    to: '2016-09-30',
    venue: GENEVA,
    agenda: ['Methods of work and modalities', 'Guiding questions', 'Call for contributions'],
    outcome:
      'The group decided on its methods of work and agreed on two guiding questions, and invited contributions from stakeholders. The Secretariat posted the questions through the Working Group mailing list and online.',
  },
  {
    number: 2,
    title: 'Second meeting of the Working Group on Enhanced Cooperation',
    from: '2017-01-26',
    to: '2017-01-27',
    venue: GENEVA,
    agenda: [
      'Contributions on the guiding questions',
      'High-level characteristics of enhanced cooperation',
      'Proposals of recommendations',
    ],
    outcome:
      'Participants highlighted elements of their contributions and exchanged views. The group held an initial discussion on the high-level characteristics on the basis of the responses to the first question and an analysis document prepared by the Chair. Contributors of recommendations were invited to revise the compilation so that their proposals were properly reflected, and to submit amended or additional proposals before the third meeting.',
  },
  {
    number: 3,
    title: 'Third meeting of the Working Group on Enhanced Cooperation',
    from: '2017-05-03',
    to: '2017-05-05',
    venue: GENEVA,
    agenda: [
      "Chair's synthesis of the discussion on high-level principles",
      'New and revised proposals of recommendations',
      'Outline of the report',
    ],
    outcome:
      'The group took note of the Chair’s synthesis, heard the new or revised proposals submitted by twelve contributors and discussed them, focusing on those around which consensus seemed more likely and on the institutional framework. Members and observers were invited to combine or merge proposals wherever possible before the fourth meeting.',
  },
  {
    number: 4,
    title: 'Fourth meeting of the Working Group on Enhanced Cooperation',
    from: '2017-09-25',
    to: '2017-09-27',
    venue: GENEVA,
    agenda: [
      'Structure and format of the report',
      'Compilation of new and revised proposals',
      'Timeline for intersessional work',
    ],
    outcome:
      'The group discussed the structure and format of its report to the CSTD, considered the new and revised proposals on the basis of a compilation prepared by the Secretariat, and decided on a timeline for intersessional work before its fifth and last meeting.',
  },
  {
    number: 5,
    title: 'Fifth meeting of the Working Group on Enhanced Cooperation',
    from: '2018-01-29',
    to: '2018-01-31',
    venue: GENEVA,
    agenda: ['Draft report submitted by the Chair', 'Recommendations', 'Adoption of the report'],
    outcome: 'The group considered the draft report submitted by the Chair.',
  },
].map((m) => ({ ...m, remoteUrl: REMOTE, liveCaptioning: true }))

export const CSTD_2027_QUESTIONS = [
  'What did your government or organization do in the past year to enable enhanced cooperation on international Internet-related public policy issues?',
  'Which international Internet-related public policy issues should the Commission take up at its next session, and why?',
]
