// The processes' JSON: a process, a call, a meeting, as the API gives them (from the same read
// models as the pages, detail.ts).
import type { Body } from '../bodies/index.ts'
import type { MeetingDetail, ProcessDetail } from './detail.ts'
import type { Meeting, Process } from './queries.ts'
import { type Call, callClosesAt, callState } from './rules/calls.ts'
import { phaseStatus } from './rules/timeline.ts'

export function processJson(p: Process, body: Body | undefined) {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    body: { id: p.bodyId, name: body?.name ?? '', acronym: body?.acronym ?? null },
    state: p.state,
    recurrence: p.recurrence,
    cycleYear: p.cycleYear,
    url: `/processes/${p.id}`,
  }
}

export function callJson(call: Call, now: Date) {
  return {
    id: call.id,
    title: call.title,
    opensAt: call.opensAt.toISOString(),
    closesAt: callClosesAt(call).toISOString(),
    originalClosesAt: call.closesAt.toISOString(),
    extended: call.extendedUntil !== null,
    state: callState(call, now),
    eligibility: call.eligibility,
    languages: call.languages,
    moderation: call.moderation,
    guidingQuestions: call.questionIds,
    contributionsUrl: `/api/v1/calls/${call.id}/contributions`,
  }
}

export function meetingSummaryJson(m: Meeting) {
  return {
    id: m.id,
    number: m.number,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    venue: m.venue,
    url: `/api/v1/meetings/${m.id}`,
  }
}

export function processDetailJson(d: ProcessDetail, now: Date) {
  const { process } = d
  return {
    ...processJson(process, d.chain[0]),
    description: process.description,
    objectives: process.objectives,
    mandate: { symbol: process.mandateSymbol, paragraph: process.mandateParagraph, text: process.mandateText },
    guidingQuestions: d.questions.map((q) => ({ id: q.id, position: q.position, text: q.text })),
    phases: d.phases.map((p) => ({
      kind: p.kind,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      status: phaseStatus(p, d.today),
    })),
    calls: d.calls.map((call) => callJson(call, now)),
    meetings: d.meetings.map(meetingSummaryJson),
    documents: d.documents.map((doc) => ({
      kind: doc.kind,
      symbol: doc.symbol,
      title: doc.title,
      url: doc.url,
      issuedOn: doc.issuedOn,
    })),
    transmissions: d.transmissions.map((t) => ({
      toBody: t.toBody?.name ?? '',
      occasion: t.occasion,
      transmittedOn: t.transmittedOn,
      documentSymbol: t.documentSymbol,
    })),
    negotiatingDocuments: [],
  }
}

export function meetingJson(d: MeetingDetail) {
  const { meeting } = d
  return {
    ...meetingSummaryJson(meeting),
    process: { id: meeting.processId, title: d.process.title },
    timeZone: meeting.timeZone,
    remoteUrl: meeting.remoteUrl,
    interpretationLanguages: meeting.interpretationLanguages,
    liveCaptioning: meeting.liveCaptioning,
    agenda: d.agenda.map((item) => ({
      position: item.position,
      title: item.title,
      description: item.description,
      documents: item.documentIds.flatMap((id) => {
        const doc = d.documents.get(id)
        return doc ? [{ symbol: doc.symbol, title: doc.title, url: doc.url }] : []
      }),
      links: item.links,
    })),
    attendance: d.attendance.map((a) => ({
      memberState: a.memberStateIso3,
      organization: a.organizationSlug,
      name: a.name,
      mode: a.mode,
    })),
    outcomeSummary: meeting.outcomeSummary,
    transcript: meeting.transcript,
    calendarUrl: `/api/v1/meetings/${meeting.id}.ics`,
  }
}
