import { Badge } from "@medusajs/ui"
import { OptionSource, useOptionLabels } from "../../hooks/picker-options"

/** The names of records a promotion keeps by id (products, groups, …), as badges; ids until they load. */
export const PickedNames = ({ source, ids }: { source: OptionSource; ids: string[] }) => {
  const { data } = useOptionLabels(source, ids)
  const names = new Map(data?.map((option) => [option.id, option.label]))
  if (!ids.length) return null
  return (
    <>
      {ids.map((id) => (
        <Badge key={id} size="2xsmall">
          {names.get(id) ?? id}
        </Badge>
      ))}
    </>
  )
}
