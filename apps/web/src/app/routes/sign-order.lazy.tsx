import { createLazyRoute } from '@tanstack/react-router'
import { SigningPage } from '../../features/signing/signing-page.tsx'

export const signOrderLazyRoute = createLazyRoute('/attestera/$token')({ component: SignOrderRoute })

function SignOrderRoute() {
  const { token } = signOrderLazyRoute.useParams()
  return <SigningPage token={token} />
}
