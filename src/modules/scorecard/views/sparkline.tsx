// A small line of an indicator's values across years, drawn on the server. Decorative: the table
// beside it carries every value in words, so it is hidden from screen readers.
import type { IndicatorValue } from '../rules/indicators.ts'

const WIDTH = 96
const HEIGHT = 24
const PAD = 3

export function Sparkline({ values, kind }: { values: readonly IndicatorValue[]; kind: 'share' | 'count' }) {
  const recorded = values.map((v) => (v.recorded ? v : null))
  // a share on 0..1; a count on its "out of" or on the largest value
  const top = kind === 'share' ? 1 : Math.max(1, ...recorded.map((v) => (v ? (v.denominator ?? v.value) : 0)))
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0
  const points = recorded.flatMap((v, i) =>
    v ? [`${Math.round(PAD + i * step)},${Math.round(HEIGHT - PAD - (v.value / top) * (HEIGHT - 2 * PAD))}`] : [],
  )
  if (points.length === 0) return null
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} aria-hidden="true" focusable="false">
      <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} stroke="#bbb" />
      {points.length > 1 ? <polyline points={points.join(' ')} fill="none" stroke="#00507d" stroke-width="2" /> : null}
      {points.map((p) => {
        const [x, y] = p.split(',')
        return <circle cx={x} cy={y} r="2.5" fill="#00507d" />
      })}
    </svg>
  )
}
