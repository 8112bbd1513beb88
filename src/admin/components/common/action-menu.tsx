import { EllipsisHorizontal } from "@medusajs/icons"
import { DropdownMenu, IconButton } from "@medusajs/ui"
import { ReactNode } from "react"

export interface MenuAction {
  label: string
  icon: ReactNode
  onClick: () => void
  disabled?: boolean
}

/** The "…" menu of Medusa's sections: groups of actions separated by a line. */
export const ActionMenu = ({ groups, label }: { groups: MenuAction[][]; label: string }) => {
  const visibleGroups = groups.filter((group) => group.length > 0)
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label={label}>
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content>
        {visibleGroups.map((group, index) => (
          <DropdownMenu.Group key={index}>
            {group.map((action) => (
              <DropdownMenu.Item
                key={action.label}
                disabled={action.disabled}
                onClick={(event) => {
                  // The menu may sit in a clickable row; the action must not also open the row.
                  event.stopPropagation()
                  action.onClick()
                }}
                className="[&_svg]:text-ui-fg-subtle flex items-center gap-x-2"
              >
                {action.icon}
                <span>{action.label}</span>
              </DropdownMenu.Item>
            ))}
            {index < visibleGroups.length - 1 && <DropdownMenu.Separator />}
          </DropdownMenu.Group>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
