import { z } from 'zod'
import { TEXT_MESSAGES, textProblem } from './text-rules.ts'

export { TEXT_MESSAGES, textProblem } from './text-rules.ts'

/**
 * The one string schema every text input starts from: it refuses control characters (tab and line
 * breaks too unless `multiline`), lone surrogates and bidirectional overrides, with a message that says
 * which. Chain the field's own rules after it: `zText().trim().min(1, …).max(200, …)`.
 */
export function zText({ multiline = false }: { multiline?: boolean } = {}) {
  return z.string().check((ctx) => {
    const problem = textProblem(ctx.value, multiline)
    if (problem) ctx.issues.push({ code: 'custom', message: TEXT_MESSAGES[problem], input: ctx.value })
  })
}
