import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import AudienceModuleService from "../../../modules/audience/service"
import { AuditActor } from "../../../types/audit"
import { ConsentChannel } from "../../../types/audience/module"
import { MarketingModule } from "../../../types/modules"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { createSuppressionsStep, deleteSuppressionsStep } from "../steps/suppression-steps"

export type SuppressionInput = { channel: ConsentChannel; address: string; reason: string; note?: string | null }

const ensureNotSuppressedStep = createStep("ensure-marketing-address-not-suppressed", async (input: SuppressionInput, { container }) => {
  const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
  if (await audience.isSuppressed(input.channel, input.address)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `address: ${input.address} is already suppressed for ${input.channel}`)
  }
})

/** Puts an address on the suppression list: it is never messaged on that channel again. */
export const createSuppressionWorkflow = createWorkflow(
  "create-marketing-suppression",
  (input: { suppression: SuppressionInput; actor?: AuditActor }) => {
    const suppression = transform({ input }, ({ input }) => ({
      ...input.suppression,
      address: input.suppression.address.trim().toLowerCase(),
    }))
    ensureNotSuppressedStep(suppression)
    const created = createSuppressionsStep(transform({ suppression }, ({ suppression }) => [suppression]))
    const row = transform({ created }, ({ created }) => created[0])
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ row, suppression }, ({ row, suppression }) => [
        { action: "create", resource_type: "marketing_suppression", resource_id: row.id, before: null, after: suppression },
      ]),
    })
    return new WorkflowResponse(row)
  }
)

export const deleteSuppressionWorkflow = createWorkflow(
  "delete-marketing-suppression",
  (input: { id: string; actor?: AuditActor }) => {
    const { data } = useQueryGraphStep({
      entity: "suppression",
      fields: ["id", "channel", "address", "reason", "note"],
      filters: { id: input.id },
      options: { throwIfKeyNotFound: true },
    })
    deleteSuppressionsStep(transform({ input }, ({ input }) => [input.id]))
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ data }, ({ data }) => [
        { action: "delete", resource_type: "marketing_suppression", resource_id: data[0].id, before: data[0], after: null },
      ]),
    })
    return new WorkflowResponse(input.id)
  }
)
