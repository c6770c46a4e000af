import { Role } from '@kundnav/db/enums'
import { z } from 'zod'

/** A role as the API takes and returns it. */
export const ZRole = z.enum(Role)
