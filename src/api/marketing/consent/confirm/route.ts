import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { InvalidTokenError } from "../../../../lib/signed-token"
import { readConfirmToken } from "../../../../workflows/audience/steps/consent-links"
import { confirmSubscriptionWorkflow } from "../../../../workflows/audience/workflows/confirm-subscription"
import { escapeHtml, publicPage } from "../../public-page"
import { marketingOptions } from "../../../../lib/marketing-options"

const NOT_VALID = publicPage(
  "This link is not valid",
  "<p>It may have expired or been used already. Sign up again to get a new one.</p>"
)

const token = (req: MedusaRequest) => (typeof req.query.token === "string" ? req.query.token : "")

/**
 * Shows a button rather than confirming: mail scanners open links, and a GET must not subscribe
 * anyone. The page itself only checks the signature.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { token_secret } = marketingOptions(req.scope)
  res.type("html")
  try {
    readConfirmToken(token(req), token_secret)
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error
    res.status(404).send(NOT_VALID)
    return
  }
  res.send(
    publicPage(
      "Confirm your subscription",
      `<p>One click and you will receive our emails. You can unsubscribe at any time.</p>
<form method="post" action="?token=${escapeHtml(token(req))}"><button type="submit">Confirm subscription</button></form>`
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
  res.send(publicPage("You are subscribed", "<p>Thank you. You can close this page.</p>"))
}
