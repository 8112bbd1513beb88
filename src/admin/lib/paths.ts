// Where the plugin's pages live in the admin; they follow the files under src/admin/routes.
export const CAMPAIGNS_PATH = "/marketing/campaigns"
export const campaignPath = (id: string) => `${CAMPAIGNS_PATH}/${id}`
