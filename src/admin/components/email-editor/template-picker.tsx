import { Select } from "@medusajs/ui"
import type { EmailBlock } from "../../../modules/campaign/lib/email-blocks/types"
import { STARTER_TEMPLATES } from "../../../modules/campaign/lib/email-blocks/starters"
import { useCampaignTemplates } from "../../hooks/campaign-templates"
import { FormField } from "../common/form-field"

/** What picking a template puts into the form. */
export interface TemplateContent {
  subject: string | null
  blocks: EmailBlock[] | null
  body: string | null
}

/** Fills a new email from a starter that ships with the plugin or from a template the store saved. */
export const TemplatePicker = ({ onPick }: { onPick: (content: TemplateContent) => void }) => {
  const { data } = useCampaignTemplates()
  const saved = data?.campaign_templates ?? []
  const pick = (id: string) => {
    const starter = STARTER_TEMPLATES.find((template) => template.id === id)
    const template = starter ? { ...starter, body: null } : saved.find((template) => template.id === id)
    if (template) onPick({ subject: template.subject, blocks: template.blocks, body: template.body })
  }
  return (
    <FormField label="Start from a template" optional hint="Fills the subject and content; you can change them after.">
      {(control) => (
        <Select onValueChange={pick}>
          <Select.Trigger {...control}>
            <Select.Value placeholder="Blank email" />
          </Select.Trigger>
          <Select.Content>
            <Select.Group>
              <Select.Label>Starters</Select.Label>
              {STARTER_TEMPLATES.map((template) => (
                <Select.Item key={template.id} value={template.id}>
                  {template.name}
                </Select.Item>
              ))}
            </Select.Group>
            {saved.length > 0 && (
              <Select.Group>
                <Select.Label>Saved templates</Select.Label>
                {saved.map((template) => (
                  <Select.Item key={template.id} value={template.id}>
                    {template.name}
                  </Select.Item>
                ))}
              </Select.Group>
            )}
          </Select.Content>
        </Select>
      )}
    </FormField>
  )
}
