// The consultation's pages (filled in by routes-*.tsx).
import type { Hono } from 'hono'
import type { AppEnv } from '../../core/http/context.ts'

export function registerConsultationRoutes(_app: Hono<AppEnv>): void {}
