// The map of participants as an SVG drawn on the server: the plane of the two principal
// components, binned (a circle per occupied cell, its area by the participants in it, its colour
// by the cell's most common opinion group), with each group's centre numbered. No person is a
// dot; the table beside it gives the same groups in words.
import type { Translator } from '../../../core/i18n/messages.ts'
import type { AnalysisResult } from '../rules/analyze.ts'

export const GROUP_COLOURS = ['#00507d', '#b3261e', '#7a4b00', '#1e6b34', '#6a3d9a']
const UNGROUPED = '#8a8a8a'
const SIZE = 360
const PAD = 16

export function ParticipantMap({ t, result }: { t: Translator['t']; result: AnalysisResult }) {
  const [x0, x1, y0, y1] = result.map.extent
  const sx = (x: number) => PAD + ((x - x0) / (x1 - x0 || 1)) * (SIZE - 2 * PAD)
  // up is positive, as on a chart
  const sy = (y: number) => SIZE - PAD - ((y - y0) / (y1 - y0 || 1)) * (SIZE - 2 * PAD)
  const most = Math.max(1, ...result.map.cells.map((cell) => cell.count))
  const round = (v: number) => Math.round(v * 10) / 10
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-labelledby="map-title"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id="map-title">{t('deliberation.groups.title')}</title>
        <rect width={SIZE} height={SIZE} fill="#fff" stroke="#ccc" />
        {result.map.cells.map((cell) => (
          <circle
            cx={round(sx(cell.x))}
            cy={round(sy(cell.y))}
            r={round(1.5 + 6 * Math.sqrt(cell.count / most))}
            fill={cell.group >= 0 ? GROUP_COLOURS[cell.group] : UNGROUPED}
            fill-opacity="0.7"
          />
        ))}
        {result.groups.map((g) => (
          <g>
            <circle cx={round(sx(g.center[0]))} cy={round(sy(g.center[1]))} r="10" fill="#fff" stroke="#000" />
            <text
              x={round(sx(g.center[0]))}
              y={round(sy(g.center[1]) + 4)}
              text-anchor="middle"
              font-size="12"
              font-family="system-ui, sans-serif"
            >
              {String(g.id + 1)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption id="map-caption">{t('deliberation.map.caption')}</figcaption>
    </figure>
  )
}
