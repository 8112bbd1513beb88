import {
  allowedTransitions,
  assertDeletable,
  assertEditable,
  assertTransition,
  assertUpdate,
  LifecycleSubject,
  readinessProblems,
} from "../lifecycle"
import { CampaignStatus } from "../../../../types/campaign/module"

const NOW = new Date("2026-06-01T12:00:00Z")
const LATER = new Date("2026-06-02T12:00:00Z")
const EARLIER = new Date("2026-05-31T12:00:00Z")
const STATUSES = Object.values(CampaignStatus)

const oneOff = (overrides: Partial<LifecycleSubject> = {}): LifecycleSubject => ({
  status: "draft",
  channel: "email",
  subject: "Hi",
  body: "Body",
  scheduled_at: LATER,
  schedule_cron: null,
  segment_id: "mseg_regulars",
  ...overrides,
})
const recurring = (overrides: Partial<LifecycleSubject> = {}) =>
  oneOff({ scheduled_at: null, schedule_cron: "0 9 * * 1", ...overrides })

describe("campaign lifecycle", () => {
  const ONE_OFF_TABLE: Record<string, string[]> = {
    draft: ["scheduled", "cancelled"],
    scheduled: ["draft", "sending", "cancelled"],
    sending: ["sent"],
    sent: [],
    cancelled: [],
    active: [],
    paused: [],
    completed: [],
  }
  const RECURRING_TABLE: Record<string, string[]> = {
    draft: ["active", "cancelled"],
    active: ["paused", "completed"],
    paused: ["active", "completed", "cancelled"],
    scheduled: [],
    sending: [],
    sent: [],
    cancelled: [],
    completed: [],
  }

  describe.each([
    ["one-off", oneOff, ONE_OFF_TABLE],
    ["recurring", recurring, RECURRING_TABLE],
  ] as const)("%s campaigns", (_, make, table) => {
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        const legal = table[from].includes(to)
        it(`${legal ? "allows" : "refuses"} ${from} → ${to}`, () => {
          const campaign = make({ status: from })
          const attempt = () => assertTransition(campaign, to, { now: NOW, bySystem: true })
          if (legal) {
            expect(attempt).not.toThrow()
          } else {
            expect(attempt).toThrow(`from '${from}' to '${to}'`)
          }
        })
      }
    }

    it("lists the allowed transitions", () => {
      for (const status of STATUSES) {
        expect(allowedTransitions(make({ status }))).toEqual(table[status])
      }
    })
  })

  it("keeps sending and sent for the delivery pipeline", () => {
    expect(() => assertTransition(oneOff({ status: "scheduled" }), "sending", { now: NOW })).toThrow(
      "'sending' is set by the delivery pipeline"
    )
    expect(() => assertTransition(oneOff({ status: "sending" }), "sent", { now: NOW })).toThrow(
      "'sent' is set by the delivery pipeline"
    )
  })

  it("says when a status is final", () => {
    expect(() => assertTransition(oneOff({ status: "sent" }), "draft", { now: NOW })).toThrow(
      "'sent' is final"
    )
  })

  it("throws Medusa's invalid-data error, which the API answers with 400", () => {
    try {
      assertTransition(oneOff({ status: "sent" }), "draft", { now: NOW })
      throw new Error("did not throw")
    } catch (error: any) {
      expect(error.type).toBe("invalid_data")
    }
  })

  describe("readiness", () => {
    it("is ready with content and a future send time", () => {
      expect(readinessProblems(oneOff(), NOW)).toEqual([])
    })

    it("names every missing piece", () => {
      expect(readinessProblems(oneOff({ body: " ", subject: null, scheduled_at: null, segment_id: null }), NOW)).toEqual([
        "body: a campaign needs content before it can go out",
        "subject: an email campaign needs a subject",
        "segment_id: a campaign needs an audience: pick the segment it goes to",
        "scheduled_at: a one-off campaign needs a send time",
      ])
    })

    it("refuses a send time in the past or now", () => {
      expect(readinessProblems(oneOff({ scheduled_at: EARLIER }), NOW)).toEqual([
        "scheduled_at: the send time is in the past",
      ])
      expect(readinessProblems(oneOff({ scheduled_at: NOW }), NOW)).toHaveLength(1)
    })

    it("needs no subject for sms and push, and no send time when recurring", () => {
      expect(readinessProblems(oneOff({ channel: "sms", subject: null }), NOW)).toEqual([])
      expect(readinessProblems(recurring({ channel: "push", subject: null }), NOW)).toEqual([])
    })

    it("blocks scheduling and activation of campaigns that are not ready", () => {
      expect(() => assertTransition(oneOff({ body: null }), "scheduled", { now: NOW })).toThrow(
        "Cannot move campaign from 'draft' to 'scheduled': body:"
      )
      expect(() => assertTransition(recurring({ subject: "" }), "active", { now: NOW })).toThrow("subject:")
      expect(() => assertTransition(oneOff({ segment_id: null }), "scheduled", { now: NOW })).toThrow(
        "Cannot move campaign from 'draft' to 'scheduled': segment_id: a campaign needs an audience"
      )
      expect(() => assertTransition(recurring({ segment_id: null }), "active", { now: NOW })).toThrow("segment_id:")
      expect(() => assertTransition(oneOff({ body: null }), "cancelled", { now: NOW })).not.toThrow()
    })
  })

  describe("editing", () => {
    it.each(["draft", "scheduled", "paused"] as const)("lets everything change while %s", (status) => {
      expect(() => assertEditable({ status }, ["body", "subject", "scheduled_at", "name"])).not.toThrow()
    })

    it.each(["sending", "sent", "active", "completed", "cancelled"] as const)(
      "freezes content while %s but not the name",
      (status) => {
        expect(() => assertEditable({ status }, ["name", "description", "metadata"])).not.toThrow()
        expect(() => assertEditable({ status }, ["name", "body"])).toThrow(
          `Cannot change body of a campaign in status '${status}'`
        )
      }
    )

    it("refuses both a send time and a recurring schedule", () => {
      expect(() => assertUpdate(oneOff(), { schedule_cron: "0 9 * * 1" }, NOW)).toThrow("not both")
    })

    it("refuses switching between one-off and recurring after draft", () => {
      const scheduled = oneOff({ status: "scheduled" })
      expect(() =>
        assertUpdate(scheduled, { scheduled_at: null, schedule_cron: "0 9 * * 1" }, NOW)
      ).toThrow("cannot switch between one-off and recurring")
      expect(() =>
        assertUpdate(oneOff(), { scheduled_at: null, schedule_cron: "0 9 * * 1" }, NOW)
      ).not.toThrow()
    })

    it("keeps a live campaign ready", () => {
      expect(() => assertUpdate(oneOff({ status: "scheduled" }), { body: "" }, NOW)).toThrow(
        "Cannot update a campaign in status 'scheduled': body:"
      )
      expect(() => assertUpdate(recurring({ status: "paused" }), { subject: null }, NOW)).toThrow("subject:")
      expect(() => assertUpdate(oneOff({ status: "scheduled" }), { segment_id: null }, NOW)).toThrow("segment_id:")
      expect(() => assertUpdate(oneOff({ status: "draft" }), { body: "" }, NOW)).not.toThrow()
    })

    it("lets a live campaign be renamed even when its send time has just passed", () => {
      const due = oneOff({ status: "scheduled", scheduled_at: EARLIER })
      expect(() => assertUpdate(due, { name: "New name" }, NOW)).not.toThrow()
    })
  })

  describe("deleting", () => {
    it.each(["sending", "active"] as const)("refuses while %s", (status) => {
      expect(() => assertDeletable({ status })).toThrow(`Cannot delete a campaign in status '${status}'`)
    })

    it.each(["draft", "scheduled", "sent", "paused", "completed", "cancelled"] as const)(
      "allows while %s",
      (status) => {
        expect(() => assertDeletable({ status })).not.toThrow()
      }
    )
  })
})
