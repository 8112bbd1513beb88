/** The contact's full name, else its email, else its phone: whatever identifies them to a person. */
export const contactName = (contact: {
  first_name?: string | null
  last_name?: string | null
  email?: string | null
  phone?: string | null
}) => [contact.first_name, contact.last_name].filter(Boolean).join(" ") || contact.email || contact.phone || null
