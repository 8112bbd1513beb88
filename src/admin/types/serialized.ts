/**
 * A module DTO as it travels over JSON: dates become ISO strings. (The campaign types in src/types keep
 * their own copy; the admin cannot import it, as it is not exported.)
 */
export type Serialized<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K]
}
