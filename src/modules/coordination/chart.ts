// Charts rendered on the server as SVG with Vega-Lite (no script in the page); each page that
// shows one also gives the same numbers as a table for screen readers and for copying.
import * as vega from 'vega'
import * as vl from 'vega-lite'

export interface BarDatum {
  label: string
  series: string
  value: number
}

/** A horizontal stacked bar chart, as an SVG string (its text escaped by Vega). */
export async function barChart(
  data: BarDatum[],
  options: { title: string; width?: number; rtl?: boolean },
): Promise<string> {
  const spec: vl.TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: options.width ?? 520,
    background: 'white',
    title: options.title,
    data: { values: data },
    mark: 'bar',
    encoding: {
      y: { field: 'label', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 220 } },
      x: {
        field: 'value',
        type: 'quantitative',
        title: null,
        axis: { tickMinStep: 1, orient: options.rtl ? 'top' : 'bottom' },
      },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        legend: { orient: 'bottom' },
        scale: { range: ['#00507d', '#b3261e', '#7a4b00', '#1e6b34'] },
      },
    },
    config: { font: 'system-ui, sans-serif', view: { stroke: null } },
  }
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' })
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}
