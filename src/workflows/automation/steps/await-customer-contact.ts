import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import AutomationModuleService from "../../../modules/automation/service"
import { JourneyStatus } from "../../../types/automation"
import { MarketingModule } from "../../../types/modules"

/**
 * The contact of a new customer. The audience's subscriber of `customer.created` makes it at the
 * same moment, so until it has committed this step is retried (by the workflow engine, a second
 * apart); null when no live journey starts on `customer.created`, without waiting.
 */
export const awaitCustomerContactStep = createStep(
  { name: "await-marketing-customer-contact", maxRetries: 10, retryInterval: 1 },
  async ({ customer_id }: { customer_id: string }, { container }) => {
    const automation: AutomationModuleService = container.resolve(MarketingModule.AUTOMATION)
    const [journey] = await automation.listJourneys({ status: JourneyStatus.LIVE, trigger_kind: "customer.created" }, { select: ["id"], take: 1 })
    if (!journey) return new StepResponse(null)
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const [contact] = await audience.listContacts({ customer_id }, { select: ["id"], take: 1 })
    if (!contact) throw new MedusaError(MedusaError.Types.NOT_FOUND, `The contact of customer ${customer_id} is not made yet`)
    return new StepResponse(contact.id as string)
  }
)
