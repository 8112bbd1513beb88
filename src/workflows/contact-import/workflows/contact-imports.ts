import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MarketingModule } from "../../../types/modules"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { createEntitiesStep } from "../../common/steps/entity-steps"
import { processContactImportStep } from "../steps/process-contact-import"

export const ContactImportEvents = { CREATED: "marketing.contact_import.created" } as const

const createContactImportsStep = createEntitiesStep<Record<string, unknown>, { id: string }>(
  "create-marketing-contact-imports",
  { module: MarketingModule.AUDIENCE, entity: "ContactImports" }
)

/** Registers an uploaded CSV; a subscriber processes it in the background. */
export const createContactImportWorkflow = createWorkflow(
  "create-marketing-contact-import",
  (input: { file_id: string; filename: string; actor?: AuditActor }) => {
    const created = createContactImportsStep(
      transform({ input }, ({ input }) => [
        { file_id: input.file_id, filename: input.filename, created_by: input.actor?.actor_id ?? null },
      ])
    )
    const contactImport = transform({ created }, ({ created }) => created[0])
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ contactImport, input }, ({ contactImport, input }) => [
        {
          action: "import",
          resource_type: "marketing_contact_import",
          resource_id: contactImport.id,
          before: null,
          after: { filename: input.filename },
        },
      ]),
    })
    emitEventStep({
      eventName: ContactImportEvents.CREATED,
      data: transform({ contactImport }, ({ contactImport }) => ({ id: contactImport.id })),
    })
    return new WorkflowResponse(contactImport)
  }
)

export const processContactImportWorkflow = createWorkflow(
  "process-marketing-contact-import",
  (input: { id: string }) => new WorkflowResponse(processContactImportStep(input))
)
