// The pages the browser tests check with axe, in English and Arabic, as lists a test outside the
// browser can read: test/architecture/axe-pages.test.ts holds them against the registered routes,
// so a page added without an axe check is seen.

/** The foundation's pages for a visitor */
export const FOUNDATION_PUBLIC_PAGES = [
  '/',
  '/about',
  '/member-states',
  '/member-states?group=african&ldc=true',
  '/member-states/BRA',
  '/member-states/TUR',
  '/organizations',
  '/organizations/apc',
  '/sign-in',
  '/sign-up',
  '/sign-up/sent',
  '/sign-up/confirm/a-link-as-mailed',
  '/api',
  '/audit-log',
  '/no-such-page',
]
/** the foundation's pages for someone signed in */
export const FOUNDATION_SIGNED_IN_PAGES = ['/account', '/accreditation']
/** the foundation's pages for the Secretariat */
export const FOUNDATION_STAFF_PAGES = [
  '/administration',
  '/administration/accreditation',
  '/administration/roles',
  '/administration/outbox',
  '/organizations/new',
  '/organizations/apc/edit',
]

// the demo: process 1 is the WGEC 2016-2018 (call 1, closed); process 2 the standing item (call 2, open)
/** the processes' and later modules' pages for a visitor */
export const PROCESS_PUBLIC_PAGES = [
  '/bodies',
  '/bodies/wgec',
  '/bodies/cstd',
  '/processes',
  '/processes/1',
  '/processes/2',
  '/processes/1/contributions',
  '/processes/1/contributions?language=fr',
  '/processes/1/compilation',
  '/contributions/1',
  '/contributions/5',
  // a contribution sent on its own: the page that says it belongs to no campaign
  '/contributions/1/campaign',
  // the one person in the demo whose profile is public
  '/people/3',
  '/meetings/1',
  '/meetings/1/participants',
  '/processes/1/documents',
  '/documents/1',
  '/negotiation/1',
  '/negotiation/1?open=1&since=0',
  '/paragraphs/7?closed=1',
  '/paragraphs/8',
  '/negotiation/1/revisions',
  '/negotiation/1/revisions/1',
  '/negotiation/1/compare?from=0&to=1',
  '/processes/1/proposals',
  '/proposals/3',
  '/processes/1/report',
  '/issues',
  '/issues/cybercrime',
  '/mechanisms',
  '/mechanisms/1',
  '/map',
  '/map/gaps',
  '/map/overlaps?n=2',
  '/open-data',
  '/annual-reports',
  `/annual-reports/${new Date().getUTCFullYear() - 1}`,
  `/annual-reports/${new Date().getUTCFullYear() - 1}/synthesis`,
  '/annual-reports/reports/1',
  '/library',
  '/library?q=cooperation',
  '/library/1',
  '/capacity',
  '/capacity/gaps/1',
  '/capacity/offers',
  '/deliberations',
  '/deliberations/1',
  '/deliberations/1/results',
  '/calls/2/campaigns',
  '/campaigns/1',
  '/calls/2/compilation/campaigns',
  '/calls/1/search',
  '/calls/1/search?q=cooperation',
  '/calls/2/search?q=internet&campaign=yes',
  '/scorecard',
  '/scorecard/processes/1',
  '/balance',
  '/balance/process/1',
  '/balance/process/2',
  '/balance/body/1',
  '/balance/call/1',
  '/balance/meeting/1',
  '/balance/year/2017',
]
/** for APC's representative */
export const PROCESS_REPRESENTATIVE_PAGES = [
  '/calls/2/contribute',
  '/contributions/5/revise',
  '/account/notifications',
  '/proposals/new?process=1',
  '/issues/propose',
  // APC (organization 16 in the demo) is invited to this year's annual report
  `/annual-reports/${new Date().getUTCFullYear()}/report?organization=16`,
]
/** for the Secretariat */
export const PROCESS_STAFF_PAGES = [
  '/processes/new',
  // as the Secretariat: the reopening form of a concluded process, the conclusion of an active one
  '/processes/1',
  '/processes/2',
  '/negotiation/new?process=1',
  '/negotiation/1',
  '/paragraphs/7',
  '/paragraphs/8',
  '/processes/2/calls/new',
  '/processes/2/meetings/new',
  '/processes/1/documents/new',
  '/administration/outbox',
  '/administration/issues',
  '/annual-reports/new',
  '/library/suggest',
  '/administration/library',
  '/capacity/gaps/new',
  '/capacity/offers/new',
  '/bodies/new',
  '/bodies/wgec/edit',
  '/bodies/wgec/members/new',
  '/bodies/wgec/officers/new',
  '/meetings/1/attendance',
  '/meetings/1/documents/new',
  '/documents/1',
  '/deliberations/new',
  '/deliberations/1',
  '/deliberations/1/moderation',
  '/processes/1/report/issue',
  '/calls/2/imports',
  // the demo's one bulk import, into call 2
  '/imports/1',
  '/calls/2/search?q=internet',
  '/library/1/edit',
  '/mechanisms/new',
]
/**
 * as the Chair: the demo's second WGEC text, opened from the merged proposal, and the results of the
 * deliberation that proposal opened; test/e2e/processes.test.ts then follows the text's paragraph
 * link and checks that the wordings that bridge are shown there
 */
export const CHAIR_PAGES = ['/negotiation/2', '/deliberations/2/results']
/** the processes' and later modules' pages for someone signed in: APC's representative's, then the Secretariat's */
export const PROCESS_SIGNED_IN_PAGES = [...PROCESS_REPRESENTATIVE_PAGES, ...PROCESS_STAFF_PAGES]
/** checked by test/e2e/notices.test.ts once the notices it makes are there */
export const NOTICES_PAGES = ['/me/notifications', '/me/notifications/preferences']
