// One connection as profiles.json stores it (schema version 1): what a hand-edited file keeps
// beside the settings under test, so a test can tell the connections were not lost.
export const STORED_PROFILE = {
  id: 'p1',
  name: 'Kept connection',
  grant: 's2s',
  accountId: 'acc',
  clientId: 'client1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}
