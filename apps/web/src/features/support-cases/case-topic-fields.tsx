import { CASE_AREAS, caseArea } from '@kundnav/schemas'
import { useTranslation } from 'react-i18next'
import { isLanguage } from '../../i18n/i18n.ts'
import { TopicChoice } from '../cases/topic-choice.tsx'

/**
 * Område and, for an area that has them, Delområde (seed 002 2.1), from the topics as data, each option
 * with its help text (the reporter side's TopicChoice). `ids.area` and `ids.subArea` go on the first radio
 * of each, so an error summary can link to them.
 */
export function CaseTopicFields({
  ids,
  area,
  subArea,
  errors,
  areaLegend,
  subAreaLegend,
  onChange,
}: {
  ids: { area: string; subArea: string }
  area: string | null
  subArea: string | null
  errors: { area?: string | undefined; subArea?: string | undefined }
  areaLegend: string
  subAreaLegend: string
  onChange: (topic: { area: string | null; subArea: string | null }) => void
}) {
  const { i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const chosen = area ? caseArea(area) : undefined
  return (
    <>
      <TopicChoice
        id={ids.area}
        legend={areaLegend}
        error={errors.area}
        name="area"
        value={area}
        onChange={(next) => onChange({ area: next, subArea: null })}
        options={CASE_AREAS.map((option) => ({
          value: option.key,
          label: option.label[language],
          hint: option.help[language],
        }))}
      />
      {chosen && chosen.subAreas.length > 0 ? (
        <TopicChoice
          id={ids.subArea}
          legend={subAreaLegend}
          error={errors.subArea}
          name="subArea"
          value={subArea}
          onChange={(next) => onChange({ area: chosen.key, subArea: next })}
          options={chosen.subAreas.map((sub) => ({
            value: sub.key,
            label: sub.label[language],
            hint: sub.help[language],
          }))}
        />
      ) : null}
    </>
  )
}
