import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MarketingModule } from "../../../types/modules"
import { CLICK_BURST_SIZE } from "../lib/classify-engagement"
import { EngagementRecord, RecordedEngagement } from "../lib/tracking"
import MessagingModuleService from "../service"

jest.setTimeout(60_000)

/** The batch writer itself, past the process's micro-batch: what another worker process's write is to this one. */
type BatchWriter = { recordEngagements(events: EngagementRecord[]): Promise<RecordedEngagement[]> }

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MarketingModule.MESSAGING,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  moduleOptions: { token_secret: "a-test-secret-of-at-least-thirty-two-characters" },
  testSuite: ({ service }) => {
    const sentAnHourAgo = async () => {
      const [message] = await service.createMessages([
        {
          channel: "email",
          to: "reader@example.com",
          idempotency_key: `burst:${Math.random()}`,
          status: "sent",
          not_before: new Date(),
          sent_at: new Date(Date.now() - 3_600_000),
        },
      ])
      return message
    }
    const click = (message_id: string, occurred_at: Date): EngagementRecord => ({
      message_id,
      type: "click",
      flag: null,
      link_position: 0,
      url: "https://shop.example.com/spring",
      user_agent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
      ip: null,
      occurred_at,
    })

    it("judges a burst of clicks written at once by several processes as one burst", async () => {
      const message = await sentAnHourAgo()
      const now = Date.now()
      const writers = Array.from({ length: 10 }, (_, i) =>
        (service as unknown as BatchWriter).recordEngagements([click(message.id, new Date(now + i))])
      )
      const flags = (await Promise.all(writers)).map(([recorded]) => recorded.flag)
      expect(flags.filter((flag) => flag === null)).toHaveLength(CLICK_BURST_SIZE - 1)
      const stored = await service.listMessageEvents({ message_id: message.id })
      expect(stored.filter((event) => event.flag === null)).toHaveLength(CLICK_BURST_SIZE - 1)
      expect(stored.filter((event) => event.flag === "scanner")).toHaveLength(10 - (CLICK_BURST_SIZE - 1))
    })

    it("judges each click against those stored before it: a reader's double click stays a reader's, a third within the second is a scanner's", async () => {
      const message = await sentAnHourAgo()
      const now = Date.now()
      const flags = []
      for (const offset of [0, 300, 600, 5_000]) flags.push((await service.recordEngagement(click(message.id, new Date(now + offset)))).flag)
      expect(flags).toEqual([null, null, "scanner", null])
    })
  },
})
