import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { CampaignTemplateDTO, CreateCampaignTemplateDTO, UpdateCampaignTemplateDTO } from "../../../types/campaign/module"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import {
  createCampaignTemplatesStep,
  deleteCampaignTemplatesStep,
  updateCampaignTemplatesStep,
} from "../steps/campaign-template-steps"

const RESOURCE = "marketing_campaign_template"

/** Templates as they are before a change, for the audit log; unknown ids are 404. */
function retrieveTemplatesBeforeChange(ids: string[] | string, name: string) {
  const { data } = useQueryGraphStep({
    entity: "campaign_template",
    fields: ["*"],
    filters: { id: ids },
    options: { throwIfKeyNotFound: true },
  }).config({ name })
  return data as unknown as CampaignTemplateDTO[]
}

export const createCampaignTemplateWorkflow = createWorkflow(
  "create-marketing-campaign-template",
  (input: { template: CreateCampaignTemplateDTO; actor?: AuditActor }) => {
    const created = createCampaignTemplatesStep(transform({ input }, ({ input }) => [input.template]))
    const template = transform({ created }, ({ created }) => created[0])
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ template }, ({ template }) => [
        { action: "create", resource_type: RESOURCE, resource_id: template.id, before: null, after: template },
      ]),
    })
    return new WorkflowResponse(template)
  }
)

export const updateCampaignTemplateWorkflow = createWorkflow(
  "update-marketing-campaign-template",
  (input: { template: UpdateCampaignTemplateDTO; actor?: AuditActor }) => {
    const before = retrieveTemplatesBeforeChange(input.template.id, "retrieve-template-before-update")
    const updated = updateCampaignTemplatesStep(
      transform({ input }, ({ input }) => {
        const { template } = input
        // A template holds blocks or hand-written HTML: giving one drops the other.
        const replaced = template.blocks ? { body: null } : template.body != null ? { blocks: null } : {}
        return [{ ...replaced, ...template }]
      })
    )
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ before, updated }, ({ before, updated }) => [
        { action: "update", resource_type: RESOURCE, resource_id: before[0].id, before: before[0], after: updated[0] },
      ]),
    })
    return new WorkflowResponse(transform({ updated }, ({ updated }) => updated[0]))
  }
)

export const deleteCampaignTemplatesWorkflow = createWorkflow(
  "delete-marketing-campaign-templates",
  (input: { ids: string[]; actor?: AuditActor }) => {
    const templates = retrieveTemplatesBeforeChange(input.ids, "retrieve-templates-before-delete")
    const deleted = deleteCampaignTemplatesStep(input.ids)
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ templates }, ({ templates }) =>
        templates.map((template) => ({
          action: "delete",
          resource_type: RESOURCE,
          resource_id: template.id,
          before: template,
          after: null,
        }))
      ),
    })
    return new WorkflowResponse(deleted)
  }
)
