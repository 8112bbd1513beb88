import { Alert, Drawer, Input, toast } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import type { AdminCampaign } from "../../../types/http/campaign"
import { useCreateCampaignTemplate } from "../../hooks/campaign-templates"
import type { DialogProps } from "../common/dialog-props"
import { DrawerFormFooter } from "../common/drawer-form-footer"
import { FormDrawer } from "../common/form-drawer"
import { FormField } from "../common/form-field"

/** Keeps a campaign's subject and content (blocks, or its HTML) as a template to start new campaigns from. */
export const SaveTemplateDrawer = ({ campaign, ...dialog }: { campaign: AdminCampaign } & DialogProps) => (
  <FormDrawer title="Save as template" description="Save this campaign's content as a template." {...dialog}>
    <SaveTemplateForm campaign={campaign} onSaved={() => dialog.onOpenChange(false)} />
  </FormDrawer>
)

const SaveTemplateForm = ({ campaign, onSaved }: { campaign: AdminCampaign; onSaved: () => void }) => {
  const [name, setName] = useState(campaign.name)
  const [error, setError] = useState<string>()
  const save = useCreateCampaignTemplate()

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) return setError("Enter a name")
    save.mutate(
      { name: name.trim(), subject: campaign.subject, blocks: campaign.blocks, body: campaign.blocks ? null : campaign.body },
      {
        onSuccess: ({ campaign_template }) => {
          toast.success(`Template "${campaign_template.name}" was saved`)
          onSaved()
        },
      }
    )
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        {save.error && (
          <Alert variant="error" dismissible={false}>
            {save.error.message}
          </Alert>
        )}
        <FormField label="Template name" error={error} hint="New campaigns can start from it: Create, then Start from a template.">
          {(control) => (
            <Input
              {...control}
              value={name}
              onChange={(event) => {
                setName(event.target.value)
                setError(undefined)
              }}
            />
          )}
        </FormField>
      </Drawer.Body>
      <DrawerFormFooter submitLabel="Save template" isSubmitting={save.isPending} />
    </form>
  )
}
