import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { InvalidTokenError, verifyToken } from "../../../../lib/signed-token"
import CampaignModuleService from "../../../../modules/campaign/service"
import { MarketingModule } from "../../../../types/modules"
import { CONFIRM_PURPOSE } from "../../../../workflows/audience/steps/consent-links"
import { confirmSubscriptionWorkflow } from "../../../../workflows/audience/workflows/confirm-subscription"

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#18181b}
button{font:inherit;padding:.6rem 1.2rem;border-radius:.5rem;border:0;background:#18181b;color:#fff;cursor:pointer}</style>
</head><body><h1>${escape(title)}</h1>${body}</body></html>`

const NOT_VALID = page("This link is not valid", "<p>It may have expired. Sign up again to get a new one.</p>")

const token = (req: MedusaRequest) => (typeof req.query.token === "string" ? req.query.token : "")

/**
 * Shows a button rather than confirming: mail scanners open links, and a GET must not subscribe
 * anyone. The page itself only checks the signature.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { token_secret } = (req.scope.resolve(MarketingModule.CAMPAIGN) as CampaignModuleService).getOptions()
  res.type("html")
  try {
    verifyToken(CONFIRM_PURPOSE, token(req), token_secret)
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error
    res.status(404).send(NOT_VALID)
    return
  }
  res.send(
    page(
      "Confirm your subscription",
      `<p>One click and you will receive our emails. You can unsubscribe at any time.</p>
<form method="post" action="?token=${escape(token(req))}"><button type="submit">Confirm subscription</button></form>`
    )
  )
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  res.type("html")
  try {
    await confirmSubscriptionWorkflow(req.scope).run({
      input: { token: token(req), ip: req.ip ?? null, user_agent: req.get("user-agent") ?? null },
    })
  } catch (error) {
    if ((error as MedusaError).type !== MedusaError.Types.NOT_FOUND) throw error
    res.status(404).send(NOT_VALID)
    return
  }
  res.send(page("You are subscribed", "<p>Thank you. You can close this page.</p>"))
}
