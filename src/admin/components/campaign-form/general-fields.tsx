import { Input, Select } from "@medusajs/ui"
import type { CampaignChannel } from "../../../types/campaign/module"
import { CAMPAIGN_CHANNELS } from "../../lib/campaign-display"
import { DescriptionField } from "../common/description-field"
import { FormField } from "../common/form-field"
import type { CampaignFormState } from "./use-campaign-form"

export const GeneralFields = ({ form, contentLocked }: { form: CampaignFormState; contentLocked: boolean }) => {
  const { values, errors, setValue } = form
  return (
    <>
      <FormField label="Name" error={errors.name}>
        {(control) => (
          <Input {...control} value={values.name} onChange={(event) => setValue("name", event.target.value)} />
        )}
      </FormField>
      <DescriptionField
        value={values.description}
        onChange={(description) => setValue("description", description)}
        error={errors.description}
      />
      <FormField label="Channel" error={errors.channel}>
        {(control) => (
          <Select
            value={values.channel}
            onValueChange={(channel) => setValue("channel", channel as CampaignChannel)}
            disabled={contentLocked}
          >
            <Select.Trigger {...control}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {Object.entries(CAMPAIGN_CHANNELS).map(([channel, label]) => (
                <Select.Item key={channel} value={channel}>
                  {label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        )}
      </FormField>
    </>
  )
}
