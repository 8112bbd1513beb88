import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import AudienceModuleService from "../../src/modules/audience/service"
import { MarketingModule } from "../../src/types/modules"
import { syncSegmentCustomerGroupsWorkflow } from "../../src/workflows/segment/workflows/sync-segment-customer-groups"
import { AdminSession, createAdminSession } from "../helpers/admin"
import { eventually } from "../helpers/eventually"
import { HttpSuite } from "../helpers/suite"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }: HttpSuite) => {
    let admin: AdminSession
    let customers: ICustomerModuleService
    let audience: AudienceModuleService

    const groupMembers = async (groupId: string) =>
      (await customers.listCustomers({ groups: groupId }, { select: ["email"], take: null })).map((c) => c.email).sort()

    async function createCustomer(email: string, first_name: string) {
      const { data } = await api.post("/admin/customers", { email, first_name }, admin.headers)
      await eventually(() => audience.listContacts({ customer_id: data.customer.id }), (c) => c.length === 1)
      return data.customer as { id: string; email: string }
    }

    beforeEach(async () => {
      const container = getContainer()
      admin = await createAdminSession(api, container)
      customers = container.resolve(Modules.CUSTOMER)
      audience = container.resolve(MarketingModule.AUDIENCE)
      await createCustomer("ada@example.com", "Ada")
      await createCustomer("alan@example.com", "Alan")
      await createCustomer("grace@example.com", "Grace")
      // A contact without a customer cannot be in a native group.
      await audience.createContacts({ email: "alice@imported.example", first_name: "Alice", source: "import" })
    })

    it("creates a customer group for a synced segment and fills it with the matching customers", async () => {
      const { data } = await api.post(
        "/admin/marketing/segments",
        { name: "A-names", handle: "a-names", dsl: "first_name STARTS WITH 'A'", sync_customer_group: true },
        admin.headers
      )
      const groupId = data.segment.customer_group_id
      expect(groupId).toEqual(expect.stringMatching(/^cusgroup_/))
      const group = await customers.retrieveCustomerGroup(groupId)
      expect(group).toMatchObject({ name: "A-names", metadata: { marketing_segment_id: data.segment.id } })
      expect(await eventually(() => groupMembers(groupId), (m) => m.length === 2)).toEqual([
        "ada@example.com",
        "alan@example.com",
      ])

      // Its own group does not show up among the contacts' customer groups (no feedback loop).
      const [ada] = await audience.listContacts({ email: "ada@example.com" })
      expect(ada.customer_groups).toEqual([])
    })

    it("keeps the group current as profiles, the definition and the name change", async () => {
      const { data } = await api.post(
        "/admin/marketing/segments",
        { name: "A-names", handle: "a-names", dsl: "first_name STARTS WITH 'A'", sync_customer_group: true },
        admin.headers
      )
      const groupId = data.segment.customer_group_id
      await eventually(() => groupMembers(groupId), (m) => m.length === 2)

      // A profile change moves one customer in and one out.
      const [grace] = await customers.listCustomers({ email: "grace@example.com" })
      const [alan] = await customers.listCustomers({ email: "alan@example.com" })
      await api.post(`/admin/customers/${grace.id}`, { first_name: "Augusta" }, admin.headers)
      await api.post(`/admin/customers/${alan.id}`, { first_name: "Turing" }, admin.headers)
      expect(
        await eventually(() => groupMembers(groupId), (m) => m.join() === "ada@example.com,grace@example.com")
      ).toEqual(["ada@example.com", "grace@example.com"])

      // A new definition re-syncs the whole group; a new name renames it.
      await api.post(
        `/admin/marketing/segments/${data.segment.id}`,
        { name: "T-names", dsl: "first_name = 'Turing'" },
        admin.headers
      )
      expect(await eventually(() => groupMembers(groupId), (m) => m.length === 1)).toEqual(["alan@example.com"])
      expect((await customers.retrieveCustomerGroup(groupId)).name).toBe("T-names")

      const { data: audit } = await api.get(
        `/admin/marketing/audit-entries?resource_id=${data.segment.id}&action=customer_group.sync`,
        admin.headers
      )
      expect(audit.audit_entries.length).toBeGreaterThanOrEqual(3)
      expect(audit.audit_entries[0]).toMatchObject({ actor_type: "system" })
    })

    it("repairs a group changed behind its back on the next full sync", async () => {
      const { data } = await api.post(
        "/admin/marketing/segments",
        { name: "Everyone", handle: "everyone", dsl: "email CONTAINS '@'", sync_customer_group: true },
        admin.headers
      )
      const groupId = data.segment.customer_group_id
      await eventually(() => groupMembers(groupId), (m) => m.length === 3)
      const [ada] = await customers.listCustomers({ email: "ada@example.com" })
      await customers.removeCustomerFromGroup({ customer_id: ada.id, customer_group_id: groupId })
      const stranger = await customers.createCustomers({ email: "stranger@example.com" })
      await customers.addCustomerToGroup({ customer_id: stranger.id, customer_group_id: groupId })

      const { result } = await syncSegmentCustomerGroupsWorkflow(getContainer()).run({ input: {} })
      expect(result).toEqual([
        expect.objectContaining({ segment_id: data.segment.id, added: [ada.id], removed: [stranger.id] }),
      ])
      expect(await groupMembers(groupId)).toEqual(["ada@example.com", "alan@example.com", "grace@example.com"])
      // Nothing left to do: a second run changes nothing.
      expect((await syncSegmentCustomerGroupsWorkflow(getContainer()).run({ input: {} })).result).toEqual([])
    })

    it("syncs a static segment's snapshot, not its live definition", async () => {
      const { data } = await api.post(
        "/admin/marketing/segments",
        { name: "Frozen", handle: "frozen", dsl: "first_name = 'Ada'", kind: "static", sync_customer_group: true },
        admin.headers
      )
      const groupId = data.segment.customer_group_id
      await syncSegmentCustomerGroupsWorkflow(getContainer()).run({ input: {} })
      expect(await groupMembers(groupId)).toEqual([])
      await api.post(`/admin/marketing/segments/${data.segment.id}/snapshot`, {}, admin.headers)
      expect(await eventually(() => groupMembers(groupId), (m) => m.length === 1)).toEqual(["ada@example.com"])
    })

    it("turns the sync on and off; a released group keeps its members and loses its mark", async () => {
      const { data } = await api.post(
        "/admin/marketing/segments",
        { name: "Graces", handle: "graces", dsl: "first_name = 'Grace'" },
        admin.headers
      )
      expect(data.segment.customer_group_id).toBeNull()
      const { data: on } = await api.post(
        `/admin/marketing/segments/${data.segment.id}`,
        { sync_customer_group: true },
        admin.headers
      )
      const groupId = on.segment.customer_group_id
      expect(await eventually(() => groupMembers(groupId), (m) => m.length === 1)).toEqual(["grace@example.com"])

      const { data: off } = await api.post(
        `/admin/marketing/segments/${data.segment.id}`,
        { sync_customer_group: false },
        admin.headers
      )
      expect(off.segment.customer_group_id).toBeNull()
      const released = await customers.retrieveCustomerGroup(groupId)
      expect(released.metadata?.marketing_segment_id).toBeUndefined()
      expect(await groupMembers(groupId)).toEqual(["grace@example.com"])

      // Deleting a synced segment releases its group the same way.
      const { data: again } = await api.post(
        `/admin/marketing/segments/${data.segment.id}`,
        { name: "Graces again", sync_customer_group: true },
        admin.headers
      )
      await api.delete(`/admin/marketing/segments/${data.segment.id}`, admin.headers)
      const left = await customers.retrieveCustomerGroup(again.segment.customer_group_id)
      expect(left.metadata?.marketing_segment_id).toBeUndefined()
    })

    it("refuses a group name that is taken, and leaves nothing half-made", async () => {
      await customers.createCustomerGroups({ name: "Wholesale" })
      const error = await api
        .post(
          "/admin/marketing/segments",
          { name: "Wholesale", handle: "wholesale", dsl: "email CONTAINS '@'", sync_customer_group: true },
          admin.headers
        )
        .catch((e) => e.response)
      expect(error.status).toBe(400)
      expect(error.data.message).toBe(
        "sync_customer_group: a customer group named 'Wholesale' already exists, rename the segment or that group"
      )
      expect(await audience.listSegments({ handle: "wholesale" })).toHaveLength(0)

      const bad = await api
        .post("/admin/marketing/segments", { name: "X", handle: "x", dsl: "true", sync_customer_group: "yes" }, admin.headers)
        .catch((e) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toBe("Invalid request: Expected type: 'boolean' for field 'sync_customer_group', got: 'yes'")
    })
  },
})
