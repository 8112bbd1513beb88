// A catalog big enough for segments by category and collection to mean something: 60 products in
// 6 categories and 4 collections, log-normal prices, and a popularity long tail for the order seed.
import { MedusaContainer } from "@medusajs/framework/types"
import { ProductStatus } from "@medusajs/framework/utils"
import {
  createCollectionsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { CURRENCY } from "./store"
import { faker, logNormal } from "./random"

const PRODUCTS_PER_CATEGORY = 10

const CATEGORIES = [
  { name: "Apparel", nouns: ["T-Shirt", "Hoodie", "Sweater", "Jacket", "Shirt", "Chinos"], medianPrice: 45,
    option: { title: "Size", values: ["S", "M", "L", "XL"] } },
  { name: "Footwear", nouns: ["Sneakers", "Boots", "Loafers", "Sandals", "Trail Runners"], medianPrice: 95,
    option: { title: "Size", values: ["39", "41", "43", "45"] } },
  { name: "Homeware", nouns: ["Mug", "Throw Blanket", "Cutting Board", "Candle", "Carafe"], medianPrice: 32,
    option: { title: "Color", values: ["Oat", "Charcoal", "Sage"] } },
  { name: "Beauty", nouns: ["Face Serum", "Hand Cream", "Shampoo", "Lip Balm", "Body Oil"], medianPrice: 22,
    option: { title: "Volume", values: ["50 ml", "100 ml"] } },
  { name: "Outdoor", nouns: ["Backpack", "Tent", "Water Bottle", "Rain Shell", "Camp Stool"], medianPrice: 80,
    option: { title: "Color", values: ["Forest", "Slate"] } },
  { name: "Accessories", nouns: ["Wallet", "Beanie", "Sunglasses", "Belt", "Tote Bag"], medianPrice: 35,
    option: { title: "Color", values: ["Black", "Tan"] } },
]

const COLLECTIONS = ["Everyday Essentials", "Summer Edit", "Winter Warmers", "Gift Guide"]

/** What an order line needs to know about a variant, without asking the database again. */
export type SellableVariant = {
  variantId: string
  productId: string
  productTitle: string
  variantTitle: string
  sku: string
  unitPrice: number
  /** Relative share of sales: a few bestsellers, a long tail of slow movers. */
  popularity: number
}

const roundPrice = (price: number) => Math.max(4, Math.round(price)) - 0.01

export async function seedCatalog(container: MedusaContainer, salesChannelId: string): Promise<SellableVariant[]> {
  const { result: categories } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: CATEGORIES.map(({ name }) => ({ name, is_active: true })) },
  })
  const categoryIds = new Map(categories.map((category) => [category.name, category.id]))
  const { result: collections } = await createCollectionsWorkflow(container).run({
    input: { collections: COLLECTIONS.map((title) => ({ title })) },
  })

  const titles = new Set<string>()
  const products = CATEGORIES.flatMap((category) =>
    Array.from({ length: PRODUCTS_PER_CATEGORY }, () => {
      let title: string
      do {
        title = `${faker.commerce.productAdjective()} ${faker.helpers.arrayElement(category.nouns)}`
      } while (titles.has(title))
      titles.add(title)
      const price = roundPrice(logNormal(category.medianPrice, 0.45))
      const handle = faker.helpers.slugify(title).toLowerCase()
      return {
        title,
        handle,
        description: faker.commerce.productDescription(),
        status: ProductStatus.PUBLISHED,
        category_ids: [categoryIds.get(category.name)!],
        collection_id: faker.helpers.arrayElement(collections).id,
        options: [category.option],
        variants: category.option.values.map((value) => ({
          title: value,
          sku: `${handle}-${faker.helpers.slugify(value)}`.toUpperCase(),
          options: { [category.option.title]: value },
          manage_inventory: false,
          prices: [{ currency_code: CURRENCY, amount: price }],
        })),
        sales_channels: [{ id: salesChannelId }],
      }
    })
  )
  const { result: created } = await createProductsWorkflow(container).run({ input: { products } })

  const priceByHandle = new Map(products.map((p) => [p.handle, p.variants[0].prices[0].amount]))
  // Zipf-like: the product ranked r sells about 1/r as often as the bestseller.
  const ranks = faker.helpers.shuffle(created.map((_, index) => index + 1))
  return created.flatMap((product, index) =>
    (product.variants ?? []).map((variant) => ({
      variantId: variant.id,
      productId: product.id,
      productTitle: product.title,
      variantTitle: variant.title ?? "",
      sku: variant.sku ?? "",
      unitPrice: priceByHandle.get(product.handle)!,
      popularity: 1 / ranks[index] / (product.variants?.length ?? 1),
    }))
  )
}
