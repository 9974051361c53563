// A sliced list gives the same markup as the whole list, and lets waiting work run between slices.
import { describe, expect, it } from 'vitest'
import { nextTurn, Sliced } from './sliced.tsx'

const Item = ({ n }: { n: number }) => <li data-n={n}>{`<${n}>`}</li>

describe('a list rendered in slices', () => {
  it('gives the markup of the whole list, in order and escaped', async () => {
    const items = Array.from({ length: 53 }, (_, i) => i)
    const whole = await (
      <ul>
        {items.map((n) => (
          <Item n={n} />
        ))}
      </ul>
    ).toString()
    const sliced = await (
      <ul>
        <Sliced items={items} size={10} render={(n) => <Item n={n} />} />
      </ul>
    ).toString()
    expect(String(sliced)).toBe(String(whole))
    expect(String(sliced)).toContain('&lt;52&gt;')
  })

  it('lets work that is waiting run between slices, not only after the whole list', async () => {
    const order: string[] = []
    const items = Array.from({ length: 30 }, (_, i) => i)
    const rendering = (
      <Sliced
        items={items}
        size={10}
        render={(n) => {
          if (n % 10 === 0) order.push(`slice ${n / 10}`)
          return <i>{n}</i>
        }}
      />
    ).toString()
    const waiting = nextTurn().then(() => order.push('waiting work'))
    await Promise.all([rendering, waiting])
    expect(order).toEqual(['slice 0', 'waiting work', 'slice 1', 'slice 2'])
  })
})
