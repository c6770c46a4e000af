import { type APIRequestContext, expect } from '@playwright/test'

export interface PortalInfo {
  providerName: string | null
  providerOrgNumber: string | null
  customerCount: number
  demoMode: boolean
}

/** Asks the server what the start page should show (tRPC over GET, a plain JSON answer). */
export async function fetchPortalInfo(request: APIRequestContext): Promise<PortalInfo> {
  const response = await request.get('/api/trpc/portal.info', { headers: { 'x-kundnav-csrf': '1' } })
  expect(response.status(), await response.text()).toBe(200)
  const body = (await response.json()) as { result: { data: PortalInfo } }
  return body.result.data
}
