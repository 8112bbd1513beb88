import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContactImportEvents, processContactImportWorkflow } from "../workflows/contact-import/workflows/contact-imports"

export default async function contactImportCreated({ event, container }: SubscriberArgs<{ id: string }>) {
  await processContactImportWorkflow(container).run({ input: { id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: ContactImportEvents.CREATED,
  context: { subscriberId: "marketing-contact-import-created" },
}
