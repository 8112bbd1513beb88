import type { CampaignStatus } from "../../../types/campaign/module"
import { goesOut, missingAudienceReason } from "../campaign-lifecycle"

describe("missingAudienceReason", () => {
  it("says what is missing while a campaign without an audience could still go out", () => {
    for (const status of ["draft", "scheduled", "active", "paused"] as CampaignStatus[]) {
      expect(missingAudienceReason({ status, segment_id: null })).toMatch(/needs an audience .*pick a segment/)
      expect(missingAudienceReason({ status, segment_id: "mseg_1" })).toBeNull()
    }
    for (const status of ["sending", "sent", "completed", "cancelled"] as CampaignStatus[]) {
      expect(missingAudienceReason({ status, segment_id: null })).toBeNull()
    }
  })

  it("holds back the moves that send, not the others", () => {
    expect((["scheduled", "active"] as CampaignStatus[]).map(goesOut)).toEqual([true, true])
    expect((["draft", "paused", "cancelled", "completed"] as CampaignStatus[]).map(goesOut)).toEqual([false, false, false, false])
  })
})
