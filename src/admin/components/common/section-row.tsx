import { Text } from "@medusajs/ui"
import { ReactNode } from "react"

/** A "label | value" row of a detail section; an empty value shows as "-" like in Medusa's pages. */
export const SectionRow = ({ title, value }: { title: string; value?: ReactNode }) => (
  <div className="text-ui-fg-subtle grid w-full grid-cols-2 items-center gap-4 px-6 py-4">
    <Text size="small" weight="plus" leading="compact">
      {title}
    </Text>
    {typeof value === "string" || value == null ? (
      <Text size="small" leading="compact" className="whitespace-pre-line text-pretty">
        {value || "-"}
      </Text>
    ) : (
      <div className="txt-compact-small flex min-w-0 flex-wrap gap-1">{value}</div>
    )}
  </div>
)
