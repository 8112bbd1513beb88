import { Input, Textarea } from "@medusajs/ui"
import { FormField } from "../common/form-field"
import type { CampaignFormState } from "./use-campaign-form"

/** What the customers receive. Both may stay empty in a draft; the server asks for them when it goes out. */
export const ContentFields = ({ form, contentLocked }: { form: CampaignFormState; contentLocked: boolean }) => {
  const { values, errors, setValue } = form
  return (
    <>
      {values.channel === "email" && (
        <FormField label="Subject" optional error={errors.subject}>
          {(control) => (
            <Input
              {...control}
              disabled={contentLocked}
              value={values.subject}
              onChange={(event) => setValue("subject", event.target.value)}
            />
          )}
        </FormField>
      )}
      <FormField label="Message" optional error={errors.body}>
        {(control) => (
          <Textarea
            {...control}
            rows={6}
            disabled={contentLocked}
            value={values.body}
            onChange={(event) => setValue("body", event.target.value)}
          />
        )}
      </FormField>
    </>
  )
}
