import type { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { EmailBlock } from "../../modules/campaign/lib/email-blocks/types"
import { sdk } from "../lib/sdk"

const TEMPLATES_PATH = "/admin/marketing/campaign-templates"
const templateQueryKeys = { all: ["marketing_campaign_templates"] as const }

/** Saved email content: blocks, or HTML written by hand. */
export interface AdminCampaignTemplate {
  id: string
  name: string
  description: string | null
  subject: string | null
  blocks: EmailBlock[] | null
  body: string | null
  created_at: string
}

export type CreateCampaignTemplatePayload = Pick<AdminCampaignTemplate, "name" | "subject" | "blocks" | "body"> & {
  description?: string | null
}

/** A store keeps a handful of templates: the picker lists them all. */
const TEMPLATE_LIMIT = 100

export const useCampaignTemplates = () =>
  useQuery<{ campaign_templates: AdminCampaignTemplate[]; count: number }, FetchError>({
    queryKey: templateQueryKeys.all,
    queryFn: () => sdk.client.fetch(TEMPLATES_PATH, { query: { limit: TEMPLATE_LIMIT, order: "name" } }),
  })

export const useCreateCampaignTemplate = () => {
  const queryClient = useQueryClient()
  return useMutation<{ campaign_template: AdminCampaignTemplate }, FetchError, CreateCampaignTemplatePayload>({
    mutationFn: (body) => sdk.client.fetch(TEMPLATES_PATH, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateQueryKeys.all }),
  })
}
