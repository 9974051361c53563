import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

describe('configuration', () => {
  it('defaults to PGlite under ./data on port 3000', () => {
    const result = loadConfig({})
    expect(result.ok && result.config).toMatchObject({ port: 3000, dataDir: './data', databaseUrl: undefined })
  })

  it('lists every problem at once', () => {
    const result = loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ECP_DEMO: 'maybe' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problems).toHaveLength(3)
      expect(result.problems.join('\n')).toMatch(/PORT/)
      expect(result.problems.join('\n')).toMatch(/DATABASE_URL/)
      expect(result.problems.join('\n')).toMatch(/ECP_DEMO/)
    }
  })

  it('treats an empty variable as unset', () => {
    const result = loadConfig({ DATABASE_URL: '', PORT: '' })
    expect(result.ok && result.config.databaseUrl).toBeUndefined()
  })
})
