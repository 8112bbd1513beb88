import { Button, Drawer } from "@medusajs/ui"

interface DrawerFormFooterProps {
  submitLabel: string
  isSubmitting: boolean
  /** "Close" where the drawer stays open after a submit, to show its result. */
  cancelLabel?: string
}

/** A drawer form's buttons, as Medusa lays them out: leave the drawer, then the form's action. */
export const DrawerFormFooter = ({ submitLabel, isSubmitting, cancelLabel = "Cancel" }: DrawerFormFooterProps) => (
  <Drawer.Footer>
    <Drawer.Close asChild>
      <Button size="small" variant="secondary">
        {cancelLabel}
      </Button>
    </Drawer.Close>
    <Button size="small" type="submit" isLoading={isSubmitting}>
      {submitLabel}
    </Button>
  </Drawer.Footer>
)
