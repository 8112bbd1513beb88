import fs from "node:fs"
import path from "node:path"
import { AuditAction, AuditResourceType } from "../../../types/audit"
import { AUDIT_ACTIONS, AUDIT_RESOURCE_TYPES, auditActionLabel, auditResourceLabel } from "../audit-display"

const WORKFLOWS = path.resolve(__dirname, "../../../workflows")

/** Every `action: "…"` and `resource_type: "…"` a workflow hands to the audit log, read from the source. */
function recordedLiterals(field: "action" | "resource_type"): Set<string> {
  const found = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (file.endsWith(".ts")) {
        for (const match of fs.readFileSync(file, "utf8").matchAll(new RegExp(`\\b${field}: "([^"]+)"`, "g"))) {
          found.add(match[1])
        }
      }
    }
  }
  walk(WORKFLOWS)
  return found
}

describe("audit labels", () => {
  it("name every action and resource type the server declares in words, none of them the raw value", () => {
    for (const action of Object.values(AuditAction)) {
      expect(auditActionLabel(action)).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/)
    }
    for (const type of Object.values(AuditResourceType)) {
      expect(auditResourceLabel(type)).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/)
    }
    expect(Object.keys(AUDIT_ACTIONS).sort()).toEqual(Object.values(AuditAction).sort())
    expect(Object.keys(AUDIT_RESOURCE_TYPES).sort()).toEqual(Object.values(AuditResourceType).sort())
  })

  it("cover every action and resource type a workflow records", () => {
    // A workflow that records a new action must declare it, so that the admin labels it.
    const declaredActions: string[] = Object.values(AuditAction)
    const declaredTypes: string[] = Object.values(AuditResourceType)
    expect([...recordedLiterals("action")].filter((action) => !declaredActions.includes(action))).toEqual([])
    expect([...recordedLiterals("resource_type")].filter((type) => !declaredTypes.includes(type))).toEqual([])
    expect(recordedLiterals("action").size).toBeGreaterThan(10)
  })

  it("show what this admin does not know as stored", () => {
    expect(auditActionLabel("archive")).toBe("archive")
    expect(auditResourceLabel("marketing_webhook")).toBe("marketing_webhook")
  })

  it("read as the log shows them", () => {
    expect(auditActionLabel("orders.recorded")).toBe("Orders recorded")
    expect(auditResourceLabel("marketing_contact_import")).toBe("Contact import")
  })
})
