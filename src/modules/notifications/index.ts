// What other modules may use of the notifications module (never its tables).
export { follow, setFrequency, unfollow } from './commands.ts'
export { markRead, setNoticePreferences } from './commands-notices.ts'
export { queueDigests } from './digest.ts'
export { notificationsModule } from './module.tsx'
export { queueNoticeDigests } from './notice-digest.ts'
export { checkDeadlines, readAuditLog } from './notices-job.ts'
export { NOTICE_KINDS, type NoticeKind } from './rules/kinds.ts'
