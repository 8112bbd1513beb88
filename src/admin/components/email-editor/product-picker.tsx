import { XMarkMini } from "@medusajs/icons"
import { IconButton, Text } from "@medusajs/ui"
import { useState } from "react"
import { MAX_PRODUCTS_PER_BLOCK, type ProductCard } from "../../../modules/campaign/lib/email-blocks/types"
import { useProductCardSearch } from "../../hooks/products"
import { useDebouncedValue } from "../../hooks/use-debounced-value"
import { FormField } from "../common/form-field"
import { SearchCombobox } from "../common/search-combobox"

const SEARCH_DELAY_MS = 250

/** The products a block shows, picked from Medusa's catalogue and kept as they are when picked. */
export const ProductPicker = ({ products, onChange, disabled }: { products: ProductCard[]; onChange: (products: ProductCard[]) => void; disabled?: boolean }) => {
  const [text, setText] = useState("")
  const [isLooking, setIsLooking] = useState(false)
  const q = useDebouncedValue(text.trim(), SEARCH_DELAY_MS)
  const { data, isFetching } = useProductCardSearch(q, isLooking)
  const picked = new Set(products.map((product) => product.id))
  const full = products.length >= MAX_PRODUCTS_PER_BLOCK

  return (
    <div className="flex flex-col gap-y-2">
      <FormField label="Add product" hint={full ? `A block shows at most ${MAX_PRODUCTS_PER_BLOCK} products.` : undefined}>
        {(control) => (
          <SearchCombobox
            control={{ ...control, ...(disabled || full ? { "aria-disabled": true } : {}) }}
            text={text}
            onTextChange={setText}
            options={disabled || full ? [] : (data ?? []).filter((product) => !picked.has(product.id))}
            optionKey={(product) => product.id}
            renderOption={(product) => (
              <Text size="small" leading="compact" weight="plus">
                {product.title}
              </Text>
            )}
            onPick={(product) => onChange([...products, product])}
            isSearching={isFetching}
            placeholder="Search products by title"
            listLabel="Products"
            noMatchText="No products match"
            onOpen={() => setIsLooking(true)}
          />
        )}
      </FormField>
      {products.length > 0 && (
        <ul aria-label="Picked products" className="flex flex-col gap-y-1">
          {products.map((product) => (
            <li key={product.id} className="bg-ui-bg-subtle flex items-center gap-x-2 rounded-md px-2 py-1">
              {product.image_url && <img src={product.image_url} alt="" className="h-8 w-8 rounded object-cover" />}
              <Text size="small" leading="compact" className="flex-1">
                {product.title}
              </Text>
              <IconButton
                type="button"
                size="small"
                variant="transparent"
                aria-label={`Remove ${product.title}`}
                disabled={disabled}
                onClick={() => onChange(products.filter((other) => other.id !== product.id))}
              >
                <XMarkMini />
              </IconButton>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
