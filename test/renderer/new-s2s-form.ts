// Opens a new Server-to-Server connection's editor from the connections screen and fills its
// required fields (name Acme), as a person types them; nothing is saved.
import { screen } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement

export async function fillNewS2S(user: UserEvent): Promise<void> {
  await user.click(screen.getByRole('button', { name: /Server-to-Server OAuth/ }))
  await screen.findByRole('heading', { name: 'New connection' })
  await user.type(field('Connection name'), 'Acme')
  await user.type(field('Account ID'), 'acc')
  await user.type(field('Client ID'), 'client')
  await user.type(field('Client Secret'), 'secret-value')
}
