// Where the plugin's pages live in the admin; they follow the files under src/admin/routes.
export const DASHBOARD_PATH = "/marketing/dashboard"

export const CAMPAIGNS_PATH = "/marketing/campaigns"
export const campaignPath = (id: string) => `${CAMPAIGNS_PATH}/${id}`

export const SEGMENTS_PATH = "/marketing/segments"
export const segmentPath = (id: string) => `${SEGMENTS_PATH}/${id}`

export const CONTACTS_PATH = "/marketing/contacts"
export const contactPath = (id: string) => `${CONTACTS_PATH}/${id}`

export const SUPPRESSIONS_PATH = "/marketing/suppressions"

/** The native customer page, which shows the contact's marketing widget. */
export const customerPath = (id: string) => `/customers/${id}`

/** The native order page. */
export const orderPath = (id: string) => `/orders/${id}`

/** The native customer group page, where a synced segment's group and its members are. */
export const customerGroupPath = (id: string) => `/customer-groups/${id}`

export const PROMOTIONS_PATH = "/marketing/promotions"
export const promotionPath = (id: string) => `${PROMOTIONS_PATH}/${id}`

/** The native promotion page, which shows the marketing promotion behind it. */
export const nativePromotionPath = (id: string) => `/promotions/${id}`

export const JOURNEYS_PATH = "/marketing/journeys"
export const journeyPath = (id: string) => `${JOURNEYS_PATH}/${id}`

export const WEBHOOKS_PATH = "/marketing/webhooks"
export const webhookEndpointPath = (id: string) => `${WEBHOOKS_PATH}/${id}`
