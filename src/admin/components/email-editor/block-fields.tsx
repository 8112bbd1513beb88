import { Input } from "@medusajs/ui"
import type { EmailBlock } from "../../../modules/campaign/lib/email-blocks/types"
import { FormField } from "../common/form-field"
import { MergeTagInput } from "./merge-tag-input"
import { ProductPicker } from "./product-picker"

interface BlockFieldsProps {
  block: EmailBlock
  onChange: (block: EmailBlock) => void
  disabled?: boolean
}

const UrlField = ({ label, value, onChange, optional, disabled }: { label: string; value: string; onChange: (value: string) => void; optional?: boolean; disabled?: boolean }) => (
  <FormField label={label} optional={optional}>
    {(control) => (
      <Input {...control} type="url" placeholder="https://" disabled={disabled} value={value} onChange={(event) => onChange(event.target.value)} />
    )}
  </FormField>
)

/** The inputs of one block, by its type. */
export const BlockFields = ({ block, onChange, disabled }: BlockFieldsProps) => {
  switch (block.type) {
    case "heading":
      return <MergeTagInput label="Heading text" value={block.text} disabled={disabled} onChange={(text) => onChange({ ...block, text })} />
    case "text":
      return (
        <MergeTagInput
          label="Text"
          multiline
          hint="A blank line starts a new paragraph."
          value={block.text}
          disabled={disabled}
          onChange={(text) => onChange({ ...block, text })}
        />
      )
    case "image":
      return (
        <>
          <UrlField label="Image URL" value={block.src} disabled={disabled} onChange={(src) => onChange({ ...block, src })} />
          <FormField label="Alt text" optional>
            {(control) => <Input {...control} disabled={disabled} value={block.alt} onChange={(event) => onChange({ ...block, alt: event.target.value })} />}
          </FormField>
          <UrlField label="Image link" optional value={block.href ?? ""} disabled={disabled} onChange={(href) => onChange({ ...block, href: href || null })} />
        </>
      )
    case "button":
      return (
        <>
          <MergeTagInput label="Button label" value={block.label} disabled={disabled} onChange={(label) => onChange({ ...block, label })} />
          <UrlField label="Button URL" value={block.url} disabled={disabled} onChange={(url) => onChange({ ...block, url })} />
        </>
      )
    case "products":
      return <ProductPicker products={block.products} disabled={disabled} onChange={(products) => onChange({ ...block, products })} />
    case "code":
      return (
        <MergeTagInput
          label="Code label"
          optional
          hint="Shown above the contact's own promotion code."
          value={block.label}
          disabled={disabled}
          onChange={(label) => onChange({ ...block, label })}
        />
      )
    case "divider":
      return null
    case "footer":
      return (
        <MergeTagInput
          label="Footer text"
          multiline
          optional
          hint="The contact's unsubscribe link is added below it."
          value={block.text}
          disabled={disabled}
          onChange={(text) => onChange({ ...block, text })}
        />
      )
  }
}
