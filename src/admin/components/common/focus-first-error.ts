import { RefObject } from "react"

/**
 * Brings a form's first invalid field into view and focus, once React has rendered the messages:
 * drawers and modals scroll, and the problem may be out of sight.
 */
export const focusFirstError = (formRef: RefObject<HTMLFormElement>) =>
  requestAnimationFrame(() => {
    const field = formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")
    field?.focus({ preventScroll: true })
    // Centred, so that the message under the field is in view too.
    field?.scrollIntoView({ block: "center" })
  })
