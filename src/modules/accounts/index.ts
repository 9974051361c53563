// What other modules may use of the accounts module.

export { roleCommand } from './cli-role.ts'
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo.ts'
export { accountsModule } from './module.ts'
export { describeGrants } from './roles.ts'
