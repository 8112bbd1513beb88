/** The open state of a drawer or modal, held by the section that opens it. */
export interface DialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
}
