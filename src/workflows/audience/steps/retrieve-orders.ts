import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OrderSource } from "../../../modules/audience/lib/commerce-facts"

export const retrieveOrdersForAudienceStepId = "retrieve-orders-for-marketing-audience"

// Asking for the order's "total" is what makes the order module compute line totals.
const ORDER_SELECT = [
  "id",
  "total",
  "status",
  "canceled_at",
  "email",
  "customer_id",
  "currency_code",
  "created_at",
  "items.id",
  "items.quantity",
  "items.total",
  "items.product_id",
  "items.detail.return_received_quantity",
]

const PRODUCT_FIELDS = [
  "id",
  "handle",
  "title",
  "categories.id",
  "categories.handle",
  "categories.name",
  "collection.id",
  "collection.handle",
  "collection.title",
]

/**
 * Reads orders with their line totals, and the products they contain. Line totals are computed by
 * the order module itself (query.graph does not compute them), the products come through query.
 */
export const retrieveOrdersForAudienceStep = createStep(
  retrieveOrdersForAudienceStepId,
  async (orderIds: string[], { container }) => {
    const orders = await container
      .resolve(Modules.ORDER)
      .listOrders({ id: orderIds }, { select: ORDER_SELECT, relations: ["items", "items.detail"] })
    const productIds = [
      ...new Set(orders.flatMap((o: OrderSource) => (o.items ?? []).map((i) => i.product_id)).filter(Boolean)),
    ] as string[]
    const { data: products } = productIds.length
      ? await container.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "product",
          fields: PRODUCT_FIELDS,
          filters: { id: productIds },
          options: { withDeleted: true },
        })
      : { data: [] }
    const productById = new Map(products.map((p: { id: string }) => [p.id, p]))
    return new StepResponse(
      orders.map((order: OrderSource) => ({
        ...order,
        items: (order.items ?? []).map((item) => ({ ...item, product: productById.get(item.product_id!) ?? null })),
      })) as unknown as OrderSource[]
    )
  }
)
