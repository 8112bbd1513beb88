import { Table, Text } from "@medusajs/ui"
import { fieldLabel, formatChangeValue, listChanges } from "../../lib/audit-changes"
import type { FieldChanges } from "../../../types/audit"

const ChangeValue = ({ value }: { value: unknown }) => {
  const text = formatChangeValue(value)
  if (text === null) return <span className="text-ui-fg-muted">-</span>
  // Lists, objects and long texts keep their line breaks; a long word must not widen the drawer.
  return <span className="whitespace-pre-wrap break-words">{text}</span>
}

/** Each changed field with its value before and after, as a table. */
export const AuditChangesTable = ({ changes }: { changes: FieldChanges | null }) => {
  const list = listChanges(changes)
  if (!list.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        This entry records no field changes.
      </Text>
    )
  }
  return (
    <div className="overflow-hidden rounded-lg border">
      <Table className="table-fixed">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell className="w-1/4">Field</Table.HeaderCell>
            <Table.HeaderCell>Before</Table.HeaderCell>
            <Table.HeaderCell>After</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {list.map(({ field, from, to }) => (
            <Table.Row key={field} className="[&_td]:py-2 [&_td]:align-top">
              <Table.Cell className="font-medium">{fieldLabel(field)}</Table.Cell>
              <Table.Cell className="text-ui-fg-subtle">
                <ChangeValue value={from} />
              </Table.Cell>
              <Table.Cell>
                <ChangeValue value={to} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
