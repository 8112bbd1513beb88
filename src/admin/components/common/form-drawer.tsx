import { Drawer, Heading } from "@medusajs/ui"
import { ReactNode } from "react"
import type { DialogProps } from "./dialog-props"

interface FormDrawerProps extends DialogProps {
  title: string
  /** For screen readers: what the drawer is for. */
  description: string
  /** The form: mounted only while the drawer is open, so that every opening starts afresh. */
  children: ReactNode
}

/** A drawer that holds one form, titled as Medusa's are. */
export const FormDrawer = ({ title, description, children, ...dialog }: FormDrawerProps) => (
  <Drawer {...dialog}>
    <Drawer.Content>
      <Drawer.Header>
        <Drawer.Title asChild>
          <Heading>{title}</Heading>
        </Drawer.Title>
        <Drawer.Description className="sr-only">{description}</Drawer.Description>
      </Drawer.Header>
      {children}
    </Drawer.Content>
  </Drawer>
)
