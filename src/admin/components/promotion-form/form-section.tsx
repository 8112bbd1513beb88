import { Heading, Text } from "@medusajs/ui"
import { ReactNode } from "react"

/** A group of the promotion form's fields under a heading: the form is long, and reads in parts. */
export const FormSection = ({ title, description, children }: { title: string; description?: string; children: ReactNode }) => (
  <fieldset className="flex flex-col gap-y-4 border-t pt-6 first:border-t-0 first:pt-0">
    <legend className="contents">
      <Heading level="h3">{title}</Heading>
    </legend>
    {description && (
      <Text size="small" className="text-ui-fg-subtle -mt-3">
        {description}
      </Text>
    )}
    {children}
  </fieldset>
)
