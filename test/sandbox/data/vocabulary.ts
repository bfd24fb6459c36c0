// Word lists the generators pick from, so data looks plausible and varied.
export const FIRST_NAMES = [
  'Jill', 'Omar', 'Mei', 'Lucas', 'Amara', 'Noah', 'Priya', 'Mateo', 'Hana', 'Elijah', 'Zoe', 'Ravi',
  'Sofia', 'Kwame', 'Ingrid', 'Diego', 'Aiko', 'Liam', 'Fatima', 'Jonas', 'Chloe', 'Tariq', 'Elena', 'Kenji',
  'Nadia', 'Owen', 'Lucia', 'Arjun', 'Freya', 'Samir', 'Isla', 'Tomás', 'Yara', 'Felix', 'Leila', 'Hugo',
]

export const LAST_NAMES = [
  'Chill', 'Haddad', 'Chen', 'Silva', 'Okafor', 'Brown', 'Sharma', 'García', 'Tanaka', 'Johnson', 'Müller',
  'Nguyen', 'Rossi', 'Mensah', 'Larsen', 'López', 'Suzuki', 'Walsh', 'Rahman', 'Becker', 'Martin', 'Aziz',
  'Petrova', 'Sato', 'Kowalski', 'Evans', 'Fernández', 'Patel', 'Nielsen', 'Khan', "O'Brien", 'Dubois',
]

export const TIME_ZONES = [
  'America/Los_Angeles', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Sao_Paulo',
  'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'Europe/Madrid', 'Asia/Tokyo', 'Asia/Kolkata',
  'Asia/Shanghai', 'Asia/Singapore', 'Australia/Sydney', 'Africa/Johannesburg', 'Pacific/Auckland',
]

export const DEPARTMENTS = ['Engineering', 'Sales', 'Support', 'Marketing', 'Finance', 'People', 'Legal', 'Operations', 'Design', 'Research']

export const JOB_TITLES = ['Engineer', 'Account Executive', 'Support Specialist', 'Product Manager', 'Designer', 'Analyst', 'Director', 'Coordinator']

export const LOCATIONS = ['San Jose', 'New York', 'London', 'Berlin', 'Tokyo', 'Bangalore', 'Sydney', 'São Paulo', 'Singapore', 'Paris']

export const LANGUAGES = ['en-US', 'de-DE', 'fr-FR', 'ja-JP', 'es-ES', 'pt-PT', 'zh-CN']

export const CLIENT_VERSIONS = ['6.2.5.53187(mac)', '6.3.1.55432(win)', '6.1.10.50211(android)', '6.3.0.54998(ios)', '5.17.11.34827(linux)']

export const MEETING_TOPICS = [
  'Weekly sync', 'Quarterly planning', 'Customer onboarding', 'Design review', '1:1', 'All hands',
  'Sprint retro', 'Hiring panel', 'Budget review', 'Incident postmortem', 'Partner call', 'Training: security basics',
  'Roadmap preview', 'Office hours', 'Board prep', 'Launch readiness',
]

export const WEBINAR_TOPICS = ['Product launch webinar', 'Customer town hall', 'Monthly release notes', 'Getting started live', 'Industry panel']
