// operationId → handler.
import type { Handler } from '../handler'
import { getUser, listUsers } from './users'

export const HANDLERS: Record<string, Handler> = {
  users: listUsers,
  user: getUser,
}
