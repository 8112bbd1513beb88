/**
 * Routes not described in the OpenAPI document yet. The list only shrinks: a test fails when a route
 * here is described or gone, and when a route that is not here has no description.
 */
export const UNDESCRIBED_ROUTES: string[] = [
  "GET /admin/marketing/analytics/campaigns/{id}",
  "GET /admin/marketing/analytics/campaigns/{id}/export",
  "GET /admin/marketing/analytics/campaigns/{id}/pdf",
  "GET /admin/marketing/analytics/customers/{id}",
  "GET /admin/marketing/analytics/export",
  "GET /admin/marketing/analytics/orders/{id}",
  "GET /admin/marketing/analytics/pdf",
  "GET /admin/marketing/analytics/promotions/{id}",
  "GET /admin/marketing/analytics/promotions/{id}/export",
  "GET /admin/marketing/analytics/promotions/{id}/pdf",
  "GET /admin/marketing/analytics/summary",
  "GET /admin/marketing/analytics/timeseries",
  "GET /admin/marketing/analytics/top",
  "GET /admin/marketing/analytics/top/export",
]
