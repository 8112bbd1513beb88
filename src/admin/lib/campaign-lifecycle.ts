import type { AdminCampaign } from "../../types/http/campaign"
import type { CampaignStatus } from "../../types/campaign/module"

// These tables mirror src/modules/campaign/lib/lifecycle.ts, which the browser bundle cannot import
// (it depends on @medusajs/framework). The server stays the authority: it rejects any other change and
// explains why, and the UI shows that message.

export interface LifecycleAction {
  to: CampaignStatus
  label: string
  /** Set for moves into a final status: they cannot be undone, so the button asks first. */
  confirmation?: (campaignName: string) => string
}

const CANCEL: LifecycleAction = {
  to: "cancelled",
  label: "Cancel campaign",
  confirmation: (name) => `"${name}" will never go out. This cannot be undone.`,
}

const COMPLETE: LifecycleAction = {
  to: "completed",
  label: "Complete",
  confirmation: (name) => `"${name}" stops recurring for good. This cannot be undone.`,
}

// Only the moves a person makes: "sending" and "sent" are set by the delivery pipeline. Listed in the
// order the buttons show, the way forward last, where Medusa puts a section's main action.
const ONE_OFF_ACTIONS: Partial<Record<CampaignStatus, LifecycleAction[]>> = {
  draft: [CANCEL, { to: "scheduled", label: "Schedule" }],
  scheduled: [CANCEL, { to: "draft", label: "Unschedule" }],
}

const RECURRING_ACTIONS: Partial<Record<CampaignStatus, LifecycleAction[]>> = {
  draft: [CANCEL, { to: "active", label: "Activate" }],
  active: [COMPLETE, { to: "paused", label: "Pause" }],
  paused: [CANCEL, COMPLETE, { to: "active", label: "Resume" }],
}

export const isRecurring = (campaign: Pick<AdminCampaign, "schedule_cron">) =>
  Boolean(campaign.schedule_cron)

export function lifecycleActions(
  campaign: Pick<AdminCampaign, "status" | "schedule_cron">
): LifecycleAction[] {
  const table = isRecurring(campaign) ? RECURRING_ACTIONS : ONE_OFF_ACTIONS
  return table[campaign.status] ?? []
}

/** Statuses in which content and schedule may change; afterwards only name and description can. */
export const isContentEditable = (campaign: Pick<AdminCampaign, "status">) =>
  campaign.status === "draft" || campaign.status === "scheduled" || campaign.status === "paused"

/** A campaign can only switch between one-off and recurring while it is a draft. */
export const isScheduleTypeEditable = (campaign: Pick<AdminCampaign, "status">) =>
  campaign.status === "draft"

/** The server refuses to delete a campaign while it is going out. */
export const isDeletable = (campaign: Pick<AdminCampaign, "status">) =>
  campaign.status !== "active" && campaign.status !== "sending"

/** Moves that put a campaign on its way out, as sending it now does: each needs an audience to go to. */
const GOES_OUT: readonly CampaignStatus[] = ["scheduled", "active"]

export const goesOut = (to: CampaignStatus) => GOES_OUT.includes(to)

/** Statuses from which a campaign can still go out: a plan, a draft, or a recurring one between runs. */
export const mayStillSend = (campaign: Pick<AdminCampaign, "status">) =>
  isContentEditable(campaign) || campaign.status === "active"

/** Why it cannot go out yet, for a campaign made before it had an audience; null once it has one. */
export const missingAudienceReason = (campaign: Pick<AdminCampaign, "status" | "segment_id">) =>
  mayStillSend(campaign) && !campaign.segment_id
    ? "It needs an audience to be scheduled or sent: edit it and pick a segment."
    : null

/** A one-off campaign that went out: its send time is when it did, early or on time. */
export const hasGoneOut = (campaign: Pick<AdminCampaign, "status">) =>
  campaign.status === "sending" || campaign.status === "sent"

/** Only a scheduled one-off campaign can go out before its send time; a recurring one keeps its rhythm. */
export const canSendNow = (campaign: Pick<AdminCampaign, "status" | "schedule_cron">) =>
  campaign.status === "scheduled" && !isRecurring(campaign)
