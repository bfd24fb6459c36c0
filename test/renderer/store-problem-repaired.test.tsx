// @vitest-environment happy-dom
// A profiles.json repaired in place (one unusable setting reset) was not moved aside: the file is
// still there with the connections, and only a copy of the person's version sits beside it. The
// notice must say so, not that the file was moved away.
import { screen } from '@testing-library/react'
import { expect, it } from 'vitest'
import { renderApp } from './render-app'

it('says a repaired file was kept and a copy of it made, not that it was moved', async () => {
  const problem = {
    file: '/cfg/profiles.json',
    movedTo: '/cfg/profiles.json.corrupt-1',
    reason: 'A setting in profiles.json could not be used (“theme”), so it is back to the default.',
    at: '2026-11-22T07:00:00Z',
    copied: true,
  }
  await renderApp({ problems: [problem] })
  const item = screen.getByText(problem.reason).closest('li')
  expect(item?.textContent).toMatch(/profiles\.json was kept; your version of it was copied to \/cfg\/profiles\.json\.corrupt-1/)
  expect(item?.textContent).not.toMatch(/was moved to/)
  expect(screen.getAllByRole('heading', { name: 'A file was repaired' }).length).toBeGreaterThan(0)
  expect(screen.queryByRole('heading', { name: 'A file could not be read' })).toBeNull()
})
