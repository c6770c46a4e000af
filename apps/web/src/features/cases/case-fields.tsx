import { CASE_AREAS, caseArea, topicRequiresAttachment } from '@kundnav/schemas'
import { useTranslation } from 'react-i18next'
import { RadioGroup } from '../../components/ui/radio-group.tsx'
import { TextAreaField } from '../../components/ui/text-area-field.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { usePageLanguage } from './case-format.ts'
import { FileUploadField } from './file-upload-field.tsx'
import type { FileUploads } from './use-file-uploads.ts'

/** A case's topic as chosen: Område, then Delområde when the area has any. */
export interface CaseTopic {
  area: string | null
  subArea: string | null
}

type CaseField = 'area' | 'subArea' | 'subject' | 'message' | 'fileIds'

/**
 * A new case's fields (seed 002, 2.1), the same in the reporter's "Skapa ärende" (`cases.create`) and in
 * support's "Registrera telefonärende" (`supportCases.phone`): Område (each area with its help text),
 * Delområde when the area has any, Ämne, Meddelande (read from the form as `subject` and `message`) and
 * "Bifoga filer", optional unless the topic needs a file. Each field carries its id from `ids`, so an error
 * summary links to it.
 */
export function CaseFields({
  words,
  ids,
  topic,
  onTopic,
  uploads,
  errors,
}: {
  words: 'cases.create' | 'supportCases.phone'
  ids: Record<CaseField, string>
  topic: CaseTopic
  onTopic: (topic: CaseTopic) => void
  uploads: FileUploads
  errors: Partial<Record<CaseField, string | undefined>>
}) {
  const { t } = useTranslation()
  const language = usePageLanguage()
  const chosen = topic.area ? caseArea(topic.area) : undefined
  const requiresFile = topic.area ? topicRequiresAttachment(topic.area, topic.subArea) : false
  return (
    <>
      <RadioGroup
        id={ids.area}
        name="area"
        legend={t(`${words}.areaLegend`)}
        error={errors.area}
        value={topic.area}
        onChange={(area) => onTopic({ area, subArea: null })}
        options={CASE_AREAS.map((one) => ({
          value: one.key,
          label: one.label[language],
          hint: one.help[language],
        }))}
      />
      {chosen && chosen.subAreas.length > 0 ? (
        <RadioGroup
          key={chosen.key}
          id={ids.subArea}
          name="subArea"
          legend={t(`${words}.subAreaLegend`)}
          error={errors.subArea}
          value={topic.subArea}
          onChange={(subArea) => onTopic({ area: chosen.key, subArea })}
          options={chosen.subAreas.map((one) => ({
            value: one.key,
            label: one.label[language],
            hint: one.help[language],
          }))}
        />
      ) : null}
      <TextField
        id={ids.subject}
        name="subject"
        label={t(`${words}.subject`)}
        hint={t(`${words}.subjectHint`)}
        error={errors.subject}
        autoComplete="off"
        maxLength={200}
        className="max-w-2xl"
      />
      <TextAreaField
        id={ids.message}
        name="message"
        label={t(`${words}.message`)}
        hint={t(`${words}.messageHint`)}
        error={errors.message}
        rows={8}
      />
      <FileUploadField id={ids.fileIds} uploads={uploads} error={errors.fileIds} optional={!requiresFile} />
    </>
  )
}
