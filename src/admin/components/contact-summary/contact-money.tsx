import { useContactCurrency } from "../../hooks/currency"
import { formatMoney } from "../../lib/format"

/** An amount of a contact's money (total spent, average order) with its currency, "€ 1,169.80 EUR". */
export const ContactMoney = ({ amount }: { amount: number }) => {
  const { data: currencyCode } = useContactCurrency()
  return <>{currencyCode ? formatMoney(amount, currencyCode) : "…"}</>
}
