import { Alert, Drawer, InlineTip } from "@medusajs/ui"
import { useRef } from "react"
import type { AdminCampaign } from "../../../types/http/campaign"
import { useSaveCampaign } from "../../hooks/campaigns"
import { CAMPAIGN_STATUSES } from "../../lib/campaign-display"
import { isContentEditable, isScheduleTypeEditable } from "../../lib/campaign-lifecycle"
import { DrawerFormFooter } from "../common/drawer-form-footer"
import { submitRecordForm } from "../common/submit-record-form"
import { AudienceField } from "./audience-field"
import { BudgetFields } from "./budget-fields"
import {
  placeServerErrors,
  toCreatePayload,
  toUpdatePayload,
  validateCampaignForm,
} from "./campaign-form-values"
import { ContentFields } from "./content-fields"
import { GeneralFields } from "./general-fields"
import { ScheduleFields } from "./schedule-fields"
import { useCampaignForm } from "./use-campaign-form"

interface CampaignFormProps {
  /** The campaign to edit; without one, the form creates a campaign. */
  campaign?: AdminCampaign
  onSaved: (campaign: AdminCampaign) => void
}

/** The body and footer of the campaign drawer: one form for creating and for editing. */
export const CampaignForm = ({ campaign, onSaved }: CampaignFormProps) => {
  const form = useCampaignForm(campaign)
  const { initial, values, formError, showErrors } = form
  const formRef = useRef<HTMLFormElement>(null)
  const save = useSaveCampaign(campaign?.id)

  const contentLocked = !!campaign && !isContentEditable(campaign)
  const scheduleTypeLocked = contentLocked || (!!campaign && !isScheduleTypeEditable(campaign))

  const handleSubmit = submitRecordForm({
    formRef,
    showErrors,
    problems: () => validateCampaignForm(values, initial),
    record: campaign,
    payload: () => (campaign ? toUpdatePayload(values, initial) : toCreatePayload(values)),
    save: async (payload) => (await save.mutateAsync(payload)).campaign,
    placeServerErrors: (message) => placeServerErrors(message, values),
    savedMessage: (saved) => (campaign ? `Campaign "${saved.name}" was updated` : `Campaign "${saved.name}" was created`),
    onSaved,
  })

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        {formError && (
          <Alert variant="error" dismissible={false}>
            {formError}
          </Alert>
        )}
        {campaign && contentLocked && (
          <InlineTip label="Note">
            The campaign is {CAMPAIGN_STATUSES[campaign.status].label.toLowerCase()}: only its name and
            description can change.
          </InlineTip>
        )}
        <GeneralFields form={form} contentLocked={contentLocked} />
        <AudienceField form={form} contentLocked={contentLocked} />
        <ContentFields form={form} contentLocked={contentLocked} isNew={!campaign} />
        <ScheduleFields form={form} contentLocked={contentLocked} scheduleTypeLocked={scheduleTypeLocked} />
        <BudgetFields form={form} contentLocked={contentLocked} />
      </Drawer.Body>
      <DrawerFormFooter submitLabel="Save" isSubmitting={save.isPending} />
    </form>
  )
}
