// The balance's charts, rendered on the server as SVG with Vega-Lite (the library the issue map's
// charts use, coordination/chart.ts), no script in the page. The same figures are in a table
// beside each chart. An SVG is kept by its spec, so a page asked again renders no chart twice.
import * as vega from 'vega'
import * as vl from 'vega-lite'

export interface ShareDatum {
  label: string
  /** the participants' share, or a reference's */
  series: string
  value: number
  /** bars for the participants, ticks for the references */
  mark: 'bar' | 'tick'
}

const COLORS = ['#00507d', '#b3261e', '#7a4b00', '#1e6b34']
const kept = new Map<string, string>()
const KEEP = 200

async function render(spec: vl.TopLevelSpec): Promise<string> {
  const key = JSON.stringify(spec)
  const hit = kept.get(key)
  if (hit !== undefined) return hit
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' })
  try {
    const svg = await view.toSVG()
    if (kept.size >= KEEP) kept.delete(kept.keys().next().value as string)
    kept.set(key, svg)
    return svg
  } finally {
    view.finalize()
  }
}

const base = (title: string, width: number) =>
  ({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width,
    background: 'white',
    title,
    config: { font: 'system-ui, sans-serif', view: { stroke: null } },
  }) as const

/** Shares as horizontal bars, references (membership, composition, a baseline) as ticks across them. */
export function shareChart(
  data: ShareDatum[],
  options: { title: string; series: string[]; rtl?: boolean; width?: number },
): Promise<string> {
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    legend: { orient: 'bottom' },
    scale: { domain: options.series, range: COLORS },
  } as const
  const y = { field: 'label', type: 'nominal', title: null, sort: null, axis: { labelLimit: 200 } } as const
  const x = {
    field: 'value',
    type: 'quantitative',
    title: null,
    scale: { domain: [0, Math.max(1, ...data.map((d) => d.value))] },
    axis: { format: '.0%', orient: options.rtl ? 'top' : 'bottom' },
  } as const
  return render({
    ...base(options.title, options.width ?? 460),
    data: { values: data },
    layer: [
      { transform: [{ filter: "datum.mark === 'bar'" }], mark: { type: 'bar' }, encoding: { y, x, color } },
      {
        transform: [{ filter: "datum.mark === 'tick'" }],
        mark: { type: 'tick', thickness: 3, size: 18 },
        encoding: { y, x, color },
      },
    ],
  } as unknown as vl.TopLevelSpec)
}

export interface TrendDatum {
  label: string
  series: string
  value: number
}

/** Measures (evenness, coverage, shares: all within 0-1) over years, cycles or meetings, as lines. */
export function trendChart(
  data: TrendDatum[],
  options: { title: string; order: string[]; width?: number },
): Promise<string> {
  return render({
    ...base(options.title, options.width ?? 460),
    data: { values: data },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'label', type: 'ordinal', title: null, sort: options.order, axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: null, scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom' }, scale: { range: COLORS } },
    },
  } as unknown as vl.TopLevelSpec)
}
