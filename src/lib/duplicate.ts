import { MAX_LENGTH } from "../api/utils/validators"

const COPY_MARK = " (copy)"

/**
 * A duplicate's name says what it copies, so that it is not taken for the original in a list; cut so
 * that the copy of a name at the API's limit can still be saved unchanged.
 */
export const copyName = (name: string) => `${name.slice(0, MAX_LENGTH.name - COPY_MARK.length)}${COPY_MARK}`

/** Candidates looked up together: one query finds a free identifier unless twenty copies exist. */
const BATCH = 20

/**
 * The first identifier for a copy that is not taken: `base-copy`, then `base-copy-2`, `base-copy-3`, ...
 * cut so that it stays within `maxLength`. `suffix` is "copy" for handles and "COPY" for upper-case codes.
 */
export async function firstFreeCopyId(
  base: string,
  suffix: string,
  maxLength: number,
  takenAmong: (candidates: string[]) => Promise<Set<string>>
): Promise<string> {
  for (let first = 1; ; first += BATCH) {
    const candidates = Array.from({ length: BATCH }, (_, index) => {
      const number = first + index
      const tail = number === 1 ? `-${suffix}` : `-${suffix}-${number}`
      return `${base.slice(0, maxLength - tail.length)}${tail}`
    })
    const taken = await takenAmong(candidates)
    const free = candidates.find((candidate) => !taken.has(candidate))
    if (free) return free
  }
}
