// @vitest-environment happy-dom
// A grouped Combobox lists each group's options together, whatever order they are given in; the
// arrows and Enter must follow what is shown, not the order of `options`, or ↓ Enter would pick
// an option from another group than the highlighted one the person saw.
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { Combobox, type ComboboxOption } from '../../renderer/components/Combobox'

// Interleaved on purpose: shown as Phone (a, c, e) then Rooms (b, d).
const OPTIONS: ComboboxOption[] = [
  { key: 'a', group: 'Phone', content: 'phone a' },
  { key: 'b', group: 'Rooms', content: 'rooms b' },
  { key: 'c', group: 'Phone', content: 'phone c' },
  { key: 'd', group: 'Rooms', content: 'rooms d' },
  { key: 'e', group: 'Phone', content: 'phone e' },
]

afterEach(cleanup)

function Picker({ picked }: { picked: string[] }) {
  const [text, setText] = useState('')
  return <Combobox label="List" text={text} onText={setText} options={OPTIONS} onPick={(index) => picked.push(OPTIONS[index]!.key)} listLabel="Lists" openOnFocus />
}

const highlighted = () => screen.getAllByRole('option').find((option) => option.getAttribute('aria-selected') === 'true')?.textContent

describe('a grouped combobox', () => {
  it('shows each group together and moves ↓/↑ in that shown order', async () => {
    const user = userEvent.setup()
    render(<Picker picked={[]} />)
    await user.click(screen.getByRole('combobox', { name: 'List' }))
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['phone a', 'phone c', 'phone e', 'rooms b', 'rooms d'])
    const seen: (string | null | undefined)[] = []
    for (let i = 0; i < 6; i++) {
      await user.keyboard('{ArrowDown}')
      seen.push(highlighted())
    }
    // Past the last shown, back to the first.
    expect(seen).toEqual(['phone a', 'phone c', 'phone e', 'rooms b', 'rooms d', 'phone a'])
    await user.keyboard('{ArrowUp}')
    expect(highlighted()).toBe('rooms d')
    await user.keyboard('{ArrowUp}')
    expect(highlighted()).toBe('rooms b')
  })

  it('Enter picks the highlighted option, the one shown where the arrows put it', async () => {
    const user = userEvent.setup()
    const picked: string[] = []
    render(<Picker picked={picked} />)
    await user.click(screen.getByRole('combobox', { name: 'List' }))
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{Enter}')
    expect(picked).toEqual(['b'])
    await user.keyboard('{ArrowDown}')
    // The list opened again by ↓ highlights the first shown; ↑ from there wraps to the last shown.
    expect(highlighted()).toBe('phone a')
    await user.keyboard('{ArrowUp}{Enter}')
    expect(picked).toEqual(['b', 'd'])
  })
})
