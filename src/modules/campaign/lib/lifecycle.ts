import { MedusaError } from "@medusajs/framework/utils"
import { CampaignStatus } from "../../../types/campaign/module"

type Status = CampaignStatus

export interface LifecycleSubject {
  status: Status
  channel: string
  subject: string | null
  body: string | null
  scheduled_at: Date | string | null
  schedule_cron: string | null
  segment_id: string | null
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const ONE_OFF: Partial<Record<Status, Status[]>> = {
  draft: ["scheduled", "cancelled"],
  scheduled: ["draft", "sending", "cancelled"],
  sending: ["sent"],
}

const RECURRING: Partial<Record<Status, Status[]>> = {
  draft: ["active", "cancelled"],
  active: ["paused", "completed"],
  paused: ["active", "completed", "cancelled"],
}

/** Statuses only the delivery pipeline may set: a person never marks a campaign as sent. */
export const SYSTEM_STATUSES: readonly Status[] = ["sending", "sent"]

/** Statuses in which content, audience and schedule may still change. */
export const EDITABLE_STATUSES: readonly Status[] = ["draft", "scheduled", "paused"]

/** Fields that may change whatever the status: they do not alter what is or was sent. */
export const ALWAYS_EDITABLE_FIELDS = ["name", "description", "metadata"] as const

export const isRecurring = (campaign: Pick<LifecycleSubject, "schedule_cron">) =>
  Boolean(campaign.schedule_cron)

export function allowedTransitions(campaign: Pick<LifecycleSubject, "status" | "schedule_cron">): Status[] {
  const table = isRecurring(campaign) ? RECURRING : ONE_OFF
  return table[campaign.status] ?? []
}

/** What stops a campaign from going out; empty when it is ready. */
export function readinessProblems(campaign: LifecycleSubject, now: Date): string[] {
  const problems: string[] = []
  if (!campaign.body?.trim()) problems.push("body: a campaign needs content before it can go out")
  if (campaign.channel === "email" && !campaign.subject?.trim()) {
    problems.push("subject: an email campaign needs a subject")
  }
  if (!campaign.segment_id) problems.push("segment_id: a campaign needs an audience: pick the segment it goes to")
  if (!isRecurring(campaign)) {
    if (!campaign.scheduled_at) {
      problems.push("scheduled_at: a one-off campaign needs a send time")
    } else if (new Date(campaign.scheduled_at).getTime() <= now.getTime()) {
      problems.push("scheduled_at: the send time is in the past")
    }
  }
  return problems
}

const GOES_LIVE: readonly Status[] = ["scheduled", "active"]

/**
 * Checks a requested status change against the lifecycle and the campaign's readiness.
 * Throws an INVALID_DATA error (HTTP 400) that names the current and the requested status.
 */
export function assertTransition(
  campaign: LifecycleSubject,
  to: Status,
  { now = new Date(), bySystem = false }: { now?: Date; bySystem?: boolean } = {}
): void {
  if (!bySystem && SYSTEM_STATUSES.includes(to)) {
    throw invalid(
      `Cannot move campaign from '${campaign.status}' to '${to}': '${to}' is set by the delivery pipeline`
    )
  }
  const allowed = allowedTransitions(campaign)
  if (!allowed.includes(to)) {
    const kind = isRecurring(campaign) ? "a recurring" : "a one-off"
    const options = allowed.length ? `allowed: ${allowed.join(", ")}` : `'${campaign.status}' is final`
    throw invalid(
      `Cannot move ${kind} campaign from '${campaign.status}' to '${to}' (${options})`
    )
  }
  if (GOES_LIVE.includes(to)) {
    const problems = readinessProblems(campaign, now)
    if (problems.length) {
      throw invalid(
        `Cannot move campaign from '${campaign.status}' to '${to}': ${problems.join("; ")}`
      )
    }
  }
}

/** Throws when an update touches fields that the campaign's status has frozen. */
export function assertEditable(campaign: Pick<LifecycleSubject, "status">, fields: string[]): void {
  if (EDITABLE_STATUSES.includes(campaign.status)) return
  const frozen = fields.filter((f) => !(ALWAYS_EDITABLE_FIELDS as readonly string[]).includes(f))
  if (frozen.length) {
    throw invalid(
      `Cannot change ${frozen.join(", ")} of a campaign in status '${campaign.status}' ` +
        `(only ${ALWAYS_EDITABLE_FIELDS.join(", ")} can change after it went out)`
    )
  }
}

/** Statuses from which a campaign may be deleted: never while it is going out. */
export function assertDeletable(campaign: Pick<LifecycleSubject, "status">): void {
  if (campaign.status === "sending" || campaign.status === "active") {
    throw invalid(
      `Cannot delete a campaign in status '${campaign.status}': ` +
        (campaign.status === "active" ? "pause or complete it first" : "wait until it has been sent")
    )
  }
}

/**
 * Checks an update against the campaign's status: frozen fields, one-off vs recurring, and, for a
 * campaign that is already live, that it stays ready to go out.
 */
export function assertUpdate(
  current: LifecycleSubject,
  update: Record<string, unknown>,
  now = new Date()
): void {
  const fields = Object.keys(update).filter((f) => f !== "id")
  assertEditable(current, fields)
  if (fields.every((f) => (ALWAYS_EDITABLE_FIELDS as readonly string[]).includes(f))) return
  const merged = { ...current, ...update } as LifecycleSubject
  if (merged.scheduled_at && merged.schedule_cron) {
    throw invalid(
      "scheduled_at: a campaign is either one-off (scheduled_at) or recurring (schedule_cron), not both"
    )
  }
  if (current.status !== "draft" && isRecurring(current) !== isRecurring(merged)) {
    throw invalid(
      `schedule_cron: a campaign in status '${current.status}' cannot switch between one-off and recurring`
    )
  }
  if ((GOES_LIVE as Status[]).includes(current.status) || current.status === "paused") {
    const problems = readinessProblems(merged, now)
    if (problems.length) {
      throw invalid(`Cannot update a campaign in status '${current.status}': ${problems.join("; ")}`)
    }
  }
}
