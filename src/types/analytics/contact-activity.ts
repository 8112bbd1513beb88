import type { ConsentChannel, ConsentStatus } from "../audience/module"
import type { EnrollmentState } from "../automation/module"
import type { MessageChannel, MessageStatus } from "../messaging"

/*
 * A contact's timeline across the modules (see src/modules/analytics/lib/contact-activity). `Time` is
 * Date where the module reads it and string once it travelled as JSON, for the admin.
 */

export type ContactActivityKind = "message" | "order" | "redemption" | "consent" | "enrollment"

export interface ContactActivityCursor {
  /** The item's time with its microseconds, which a JavaScript Date would cut. */
  at: string
  id: string
}

export interface MessageEngagement<Time = Date> {
  type: "open" | "click"
  /** Set for machine opens and clicks (scanners, privacy proxies): not counted as the contact's. */
  flag: string | null
  url: string | null
  occurred_at: Time
}

export interface JourneyStepTaken<Time = Date> {
  step_id: string
  /** The step's name in the journey, or its kind when it has none. */
  step: string | null
  outcome: string
  at: Time
}

interface ActivityBase<Kind extends ContactActivityKind, Time> {
  kind: Kind
  id: string
  at: Time
}

export type ContactActivityItem<Time = Date> =
  | (ActivityBase<"message", Time> & {
      campaign_id: string | null
      campaign_name: string | null
      channel: MessageChannel
      to: string
      status: MessageStatus
      sent_at: Time | null
      /** Every open and click, machine ones included. */
      opens: number
      clicks: number
      /** The newest opens and clicks, machine ones flagged. */
      engagements: MessageEngagement<Time>[]
    })
  | (ActivityBase<"order", Time> & { order_id: string; total: number; currency_code: string; items: number })
  | (ActivityBase<"redemption", Time> & {
      promotion_id: string
      promotion_name: string | null
      code: string | null
      order_id: string | null
      discount_amount: number | null
      currency_code: string
      /** Set when the order was cancelled and the promotion given back. */
      released_at: Time | null
    })
  | (ActivityBase<"consent", Time> & { channel: ConsentChannel; status: ConsentStatus; source: string | null })
  | (ActivityBase<"enrollment", Time> & {
      journey_id: string
      journey_name: string | null
      state: EnrollmentState
      ended_at: Time | null
      steps: JourneyStepTaken<Time>[]
    })

export interface ContactActivityPage<Time = Date> {
  items: ContactActivityItem<Time>[]
  /** Where the next page starts; null when this one reached the contact's first recorded activity. */
  next_cursor: string | null
}
