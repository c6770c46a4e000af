import type { OrganizationType, Role } from '../generated/prisma/enums.ts'

/** The one password every demo person signs in with. Demo data only: never seeded in production mode. */
export const DEMO_PASSWORD = 'kundnav-demo-2026'

export interface DemoOrganization {
  key: 'provider' | 'region' | 'agent' | 'bureau' | 'bank'
  name: string
  orgNumber: string
  type: OrganizationType
  /** An agent (seed 001), assigned to these services of the catalogue (by code) when they exist. */
  agentFor?: string[]
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  { key: 'provider', name: 'Servicemyndigheten (demo)', orgNumber: '2021009903', type: 'PROVIDER' },
  { key: 'region', name: 'Region Norrby (demo)', orgNumber: '2120001116', type: 'CUSTOMER' },
  {
    key: 'agent',
    name: 'Journalsystem AB (demo)',
    orgNumber: '5566770011',
    type: 'CUSTOMER',
    agentFor: ['webcert'],
  },
  { key: 'bureau', name: 'Byrån Redovisning AB (demo)', orgNumber: '5566770029', type: 'CUSTOMER' },
  { key: 'bank', name: 'Testbanken AB (demo)', orgNumber: '5566770037', type: 'CUSTOMER' },
]

export interface DemoPerson {
  name: string
  email: string
  /** Defaults to the e-mail address, as seed 000 advises. */
  username?: string
  mobile: string
  memberships: {
    organization: DemoOrganization['key']
    roles: Role[]
    /** An external handläggare's own organisation (seed 000's "extern handläggare"). */
    externalOrganizationName?: string
  }[]
}

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    name: 'Sara Support',
    email: 'support@servicemyndigheten.example',
    mobile: '+46701000001',
    memberships: [{ organization: 'provider', roles: ['PROVIDER_SUPPORT'] }],
  },
  {
    name: 'Gustav Granskare',
    email: 'granskare@servicemyndigheten.example',
    mobile: '+46701000002',
    memberships: [{ organization: 'provider', roles: ['PROVIDER_REVIEWER'] }],
  },
  {
    name: 'Anna Andersson',
    email: 'anna.andersson@norrby.example',
    mobile: '+46701000003',
    memberships: [{ organization: 'region', roles: ['ADMIN', 'ORDERER', 'ATTESTER'] }],
  },
  {
    name: 'Bertil Beställare',
    email: 'bertil@norrby.example',
    mobile: '+46701000004',
    memberships: [{ organization: 'region', roles: ['ORDERER'] }],
  },
  {
    name: 'Cecilia Attestant',
    email: 'cecilia@norrby.example',
    mobile: '+46701000005',
    memberships: [{ organization: 'region', roles: ['ATTESTER', 'SIGNATORY'] }],
  },
  {
    name: 'David Kontakt',
    email: 'david@norrby.example',
    mobile: '+46701000006',
    memberships: [{ organization: 'region', roles: ['CONTACT'] }],
  },
  {
    name: 'Erik Agent',
    email: 'erik@journalsystem.example',
    mobile: '+46701000007',
    memberships: [{ organization: 'agent', roles: ['ADMIN', 'ORDERER', 'AGENT_OFFICER'] }],
  },
  {
    name: 'Fatima Attestant',
    email: 'fatima@journalsystem.example',
    mobile: '+46701000008',
    memberships: [{ organization: 'agent', roles: ['ATTESTER'] }],
  },
  {
    name: 'Greta Byrå',
    email: 'greta@byran.example',
    mobile: '+46701000009',
    memberships: [{ organization: 'bureau', roles: ['ADMIN', 'CASE_OFFICER'] }],
  },
  {
    name: 'Hans Ansvarig',
    email: 'hans@testbanken.example',
    username: 'testbanken',
    mobile: '+46701000010',
    memberships: [
      { organization: 'bank', roles: ['RESPONSIBLE'] },
      { organization: 'region', roles: ['CONTACT'] },
    ],
  },
  {
    name: 'Ida Handläggare',
    email: 'ida@testbanken.example',
    mobile: '+46701000011',
    memberships: [{ organization: 'bank', roles: ['CASE_OFFICER'] }],
  },
  {
    name: 'Johan Konsult',
    email: 'johan@konsultbolaget.example',
    mobile: '+46701000012',
    memberships: [
      { organization: 'bank', roles: ['CASE_OFFICER'], externalOrganizationName: 'Konsultbolaget AB (demo)' },
    ],
  },
]
