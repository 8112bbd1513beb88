import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { PLACED_ORDER_FIELDS, PlacedOrder } from "../../../lib/promotion/order-discounts"
import { attributeOrderStep } from "../steps/attribute-order"
import { findOrderDiscountsStep } from "../steps/find-order-discounts"
import { redeemOrderPromotionsStep } from "../steps/redeem-order-promotions"

export const recordPlacedOrderWorkflowId = "record-marketing-placed-order"

/** On order.placed: the order's attribution, then its promotions redeemed in the ledger. */
export const recordPlacedOrderWorkflow = createWorkflow(
  recordPlacedOrderWorkflowId,
  (input: { order_id: string }) => {
    const { data } = useQueryGraphStep({
      entity: "order",
      fields: PLACED_ORDER_FIELDS,
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const order = transform({ data }, ({ data }) => data[0] as unknown as PlacedOrder)
    const discounts = findOrderDiscountsStep(order)
    const attribution = attributeOrderStep({ order, discounts })
    redeemOrderPromotionsStep({ order, discounts })
    return new WorkflowResponse(attribution)
  }
)
