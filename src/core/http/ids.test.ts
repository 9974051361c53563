// The one id parser: what names a row, and what never reaches a query.
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from './context.ts'
import { guardRouteParams, parseCount, parseId } from './ids.ts'

describe('reading ids', () => {
  it('reads positive integers up to 2^31-1 and nothing else', () => {
    expect(['1', '42', '2147483647'].map(parseId)).toEqual([1, 42, 2147483647])
    for (const bad of [
      '0',
      '-1',
      '1.5',
      '01',
      '2147483648',
      '99999999999',
      '9223372036854775808',
      'abc',
      '',
      ' 1',
      '1e3',
      '\u0661',
    ])
      expect(parseId(bad), bad).toBeNull()
    expect(parseId(undefined)).toBeNull()
  })

  it('reads counts from 0 (revision numbers)', () => {
    expect(['0', '7'].map(parseCount)).toEqual([0, 7])
    expect(['-1', '00', '2147483648'].map(parseCount)).toEqual([null, null, null])
  })

  it("guards every route's id parameters before its handler, also for routes registered later", async () => {
    const app = guardRouteParams(new Hono<AppEnv>())
    let reached = 0
    app.get('/things/:id', (c) => {
      reached++
      return c.text(`thing ${c.req.param('id')}`)
    })
    app.on(['POST'], ['/things/:thingId/parts/:slug'], (c) => {
      reached++
      return c.text('part')
    })
    app.get('/plain', (c) => c.text('plain'))
    app.notFound((c) => c.text('not found', 404))
    // the guard answers through the app's error mapper, which needs the request's context
    app.onError((_, c) => c.text('guarded', 404))
    expect((await app.request('/things/12')).status).toBe(200)
    for (const bad of ['99999999999', '1.5', '-1', 'abc', '%00']) {
      expect((await app.request(`/things/${bad}`)).status, bad).toBe(404)
    }
    expect((await app.request('/things/3/parts/%00', { method: 'POST' })).status).toBe(404)
    expect((await app.request('/things/3/parts/ok', { method: 'POST' })).status).toBe(200)
    expect((await app.request('/plain')).status).toBe(200)
    expect(reached).toBe(2)
  })
})
