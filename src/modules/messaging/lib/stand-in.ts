import { randomBytes } from "node:crypto"

/**
 * Stand-ins for a token, one per length: letters and digits, which no escaping touches (HTML,
 * URLs, quoted-printable), and random, so that no template holds one.
 */
export class StandIns {
  private readonly byLength = new Map<number, string>()

  of(length: number): string {
    let standIn = this.byLength.get(length)
    if (!standIn) {
      standIn = randomBytes(Math.ceil(length / 2)).toString("hex").slice(0, length)
      this.byLength.set(length, standIn)
    }
    return standIn
  }
}
