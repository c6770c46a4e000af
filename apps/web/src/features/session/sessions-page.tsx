import type { AppRouter } from '@kundnav/api'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { inferRouterOutputs } from '@trpc/server'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx'
import { DataTable } from '../../components/ui/data-table.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { StatusMessage, useStatusMessage } from '../../components/ui/status-message.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import { asDate, formatDateTime } from '../../lib/format-date.ts'
import { useSignOut } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcErrorCode } from '../../lib/trpc-error.ts'
import { describeUserAgent } from './user-agent.ts'

type SessionRow = inferRouterOutputs<AppRouter>['session']['list'][number]

/**
 * "Mina inloggningar": where the person is signed in, this browser first. "Avsluta" asks first, naming the
 * login; ending this one signs out here.
 */
export function SessionsPage() {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const sessions = useQuery(trpc.session.list.queryOptions())
  const end = useMutation(trpc.session.end.mutationOptions())
  const signOut = useSignOut()
  const [ending, setEnding] = useState<SessionRow | null>(null)
  const status = useStatusMessage()

  function browserName(row: SessionRow): string {
    const described = describeUserAgent(row.userAgent)
    if (described?.os) return t('sessions.browserOn', { browser: described.browser, os: described.os })
    return described?.browser ?? row.userAgent ?? t('sessions.unknownBrowser')
  }

  async function ended(row: SessionRow) {
    const name = browserName(row)
    setEnding(null)
    // The row (and its button) is gone: focus goes to the confirmation instead.
    status.announce(t('sessions.ended', { browser: name }), { focus: true })
    await queryClient.invalidateQueries(trpc.session.list.queryFilter())
  }

  function confirmEnd() {
    const row = ending
    if (!row || end.isPending) return
    end.mutate(
      { sessionId: row.id },
      {
        onSuccess: (result) => {
          if (result.current) {
            // The session is gone on the server; this also clears the browser's cookie.
            signOut().catch(() => window.location.assign('/logga-in'))
          } else void ended(row)
        },
        onError: (error) => {
          // Already ended (elsewhere, or it timed out): the list was simply out of date.
          if (trpcErrorCode(error) === 'NOT_FOUND') void ended(row)
        },
      },
    )
  }

  return (
    <>
      <PageHeading>{t('sessions.title')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('sessions.intro')}</p>
      <StatusMessage ref={status.ref} message={status.message} />

      {sessions.isPending ? (
        <Skeleton label={t('sessions.loading')} lines={4} />
      ) : sessions.isError ? (
        <LoadProblem error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <DataTable
          caption={t('sessions.caption')}
          columns={[
            t('sessions.browser'),
            t('sessions.address'),
            t('sessions.started'),
            t('sessions.lastActive'),
            <span key="action" className="sr-only">
              {t('sessions.action')}
            </span>,
          ]}
        >
          {sessions.data.map((row) => {
            const name = browserName(row)
            const started = formatDateTime(row.createdAt, language)
            return (
              <tr key={row.id} className="border-line border-b align-top">
                <th scope="row" className="py-3 pr-4 font-normal">
                  <span className="wrap-anywhere">{name}</span>
                  {row.current ? (
                    <strong className="mt-1 block font-bold">{t('sessions.current')}</strong>
                  ) : null}
                </th>
                <td className="py-3 pr-4">{row.ipAddress ?? t('sessions.unknownAddress')}</td>
                <td className="py-3 pr-4">
                  <time dateTime={asDate(row.createdAt).toISOString()}>{started}</time>
                </td>
                <td className="py-3 pr-4">
                  <time dateTime={asDate(row.lastSeenAt).toISOString()}>
                    {formatDateTime(row.lastSeenAt, language)}
                  </time>
                </td>
                <td className="py-2">
                  <Button
                    variant="secondary"
                    onClick={() => {
                      end.reset()
                      setEnding(row)
                    }}
                  >
                    {t('sessions.end')}
                    <span className="sr-only"> {t('sessions.endContext', { browser: name, started })}</span>
                  </Button>
                </td>
              </tr>
            )
          })}
        </DataTable>
      )}

      {ending ? (
        <ConfirmDialog
          title={t('sessions.confirmTitle', { browser: browserName(ending) })}
          confirmLabel={t('sessions.confirm')}
          busyLabel={t('sessions.ending')}
          cancelLabel={t('common.cancel')}
          busy={end.isPending}
          problem={
            end.isError && trpcErrorCode(end.error) !== 'NOT_FOUND' ? (
              <Alert tone="error">
                <p>{t('sessions.endFailed')}</p>
              </Alert>
            ) : null
          }
          onConfirm={confirmEnd}
          onClose={() => setEnding(null)}
          returnFocus={status.returnFocus}
        >
          <p>
            {t('sessions.confirmText', {
              started: formatDateTime(ending.createdAt, language),
              address: ending.ipAddress ?? t('sessions.unknownAddress'),
            })}
          </p>
          {ending.current ? <p className="font-semibold">{t('sessions.confirmCurrent')}</p> : null}
        </ConfirmDialog>
      ) : null}
    </>
  )
}
