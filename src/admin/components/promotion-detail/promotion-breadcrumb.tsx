import { usePromotion } from "../../hooks/promotions"

/** The promotion's name in the admin's breadcrumbs; it shares the page's query, so renaming updates it. */
export const PromotionBreadcrumb = ({ id }: { id: string }) => {
  const { data } = usePromotion(id)
  return data ? <span>{data.promotion.name}</span> : null
}
