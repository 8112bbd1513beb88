export interface ServerErrors<TField extends string> {
  fields: Partial<Record<TField, string>>
  /** What the message says that belongs to no field, e.g. "Cannot update a campaign in status 'paused'". */
  form?: string
}

/**
 * Splits a 400 message of the campaign API among the fields it names, so that each problem shows next to
 * its input. The API joins problems with "; " and starts each with the field it concerns, either as a
 * label ("body: a campaign needs content") or as the subject of a sentence ("scheduled_at must be in the
 * future"), sometimes after a heading ("Cannot update a campaign in status 'paused': body: ..."). Medusa's
 * own validation names the field in quotes ("Value for field 'name' too small ...").
 */
export function splitServerErrors<TField extends string>(
  message: string,
  fields: readonly TField[]
): ServerErrors<TField> {
  const known = new Set<string>(fields)
  const isField = (name: string | undefined): name is TField => !!name && known.has(name)
  const leadingField = new RegExp(`^(?:(.+?):\\s+)?(${fields.join("|")})(:\\s+|\\s+)(.+)$`, "s")
  const result: ServerErrors<TField> = { fields: {} }
  const formMessages = new Set<string>()

  for (const part of message.replace(/^Invalid request:\s*/, "").split("; ")) {
    const quoted = part.match(/field '([\w.]+)'/i)?.[1]
    if (isField(quoted)) {
      result.fields[quoted] ??= part
      continue
    }
    const [, heading, field, , rest] = part.match(leadingField) ?? []
    if (isField(field)) {
      // Shown under its field, the message need not repeat the field's API name: "scheduled_at must be
      // in the future" reads "Must be in the future". One that names a second field stays whole.
      result.fields[field] ??= rest.startsWith("and ") ? part : capitalize(rest)
      if (heading) formMessages.add(heading)
      continue
    }
    formMessages.add(part)
  }
  if (formMessages.size) result.form = [...formMessages].join("; ")
  return result
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
