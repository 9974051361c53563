// What other modules may use of the notifications module (never its tables).
export { follow, setFrequency, unfollow } from './commands.ts'
export { queueDigests } from './digest.ts'
export { notificationsModule } from './module.tsx'
