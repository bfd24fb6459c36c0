// Zoom's API products: each file's name and the API hub domain it is published under
// (https://developers.zoom.us/api-hub/<domain>/methods/endpoints.json). Video Management is
// published without an endpoint file and is left out.
export const API_PRODUCT_DOMAINS = {
  Accounts: 'accounts',
  AICompanion: 'ai-companion',
  AutoDialer: 'auto-dialer',
  Calendar: 'calendar',
  Chatbot: 'chatbot',
  Clips: 'clips',
  CobrowseSDK: 'cobrowse-sdk',
  Commerce: 'commerce',
  ConferenceRoomConnector: 'crc',
  ContactCenter: 'contact-center',
  Events: 'events',
  Healthcare: 'healthcare',
  Mail: 'mail',
  Marketplace: 'marketplace',
  Meetings: 'meetings',
  NumberManagement: 'number-management',
  Phone: 'phone',
  QSS: 'qss',
  QualityManagement: 'quality-management',
  RevenueAccelerator: 'iq',
  Rooms: 'rooms',
  SCIM2: 'scim2',
  Scheduler: 'scheduler',
  Tasks: 'tasks',
  TeamChat: 'team-chat',
  Users: 'users',
  VideoSDK: 'video-sdk',
  VirtualAgent: 'virtual-agent',
  Whiteboard: 'whiteboard',
  WorkforceManagement: 'workforce-management',
  ZoomDocs: 'zoom-docs',
} as const satisfies Record<string, string>

export type ApiProductName = keyof typeof API_PRODUCT_DOMAINS

export const API_PRODUCT_NAMES = Object.keys(API_PRODUCT_DOMAINS) as ApiProductName[]

export function apiHubUrl(product: ApiProductName): string {
  return `https://developers.zoom.us/api-hub/${API_PRODUCT_DOMAINS[product]}/methods/endpoints.json`
}
