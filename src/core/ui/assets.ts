// The stylesheet and script, served under content-hashed names so browsers cache them forever.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Hono } from 'hono'
import type { AppEnv } from '../http/context.ts'

interface Asset {
  url: string
  body: string
  type: string
}

function load(file: string, type: string): Asset {
  const body = readFileSync(join(import.meta.dirname, 'assets', file), 'utf8')
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10)
  const [name, ext] = file.split('.')
  return { url: `/assets/${name}.${hash}.${ext}`, body, type }
}

const css = load('ecp.css', 'text/css; charset=utf-8')
const js = load('ecp.js', 'text/javascript; charset=utf-8')

export const assetUrls = { css: css.url, js: js.url } as const

export function mountAssets(app: Hono<AppEnv>): void {
  for (const asset of [css, js]) {
    app.get(asset.url, (c) => {
      c.header('Content-Type', asset.type)
      c.header('Cache-Control', 'public, max-age=31536000, immutable')
      return c.body(asset.body)
    })
  }
}
