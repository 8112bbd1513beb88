import { oneStatementAtATime, PgClient } from "../pg-transaction"

/** A connection that answers after a delay and notes how many statements it runs at once. */
function slowConnection() {
  let running = 0
  const seen = { mostAtOnce: 0, order: [] as string[] }
  const connection: PgClient = {
    async query(sql) {
      running += 1
      seen.mostAtOnce = Math.max(seen.mostAtOnce, running)
      await new Promise((resolve) => setTimeout(resolve, sql === "slow" ? 20 : 1))
      running -= 1
      seen.order.push(sql)
      if (sql === "bad") throw new Error("syntax error")
      return { rows: [{ sql }], rowCount: 1 }
    },
  }
  return { connection, seen }
}

describe("oneStatementAtATime", () => {
  it("runs statements started together one after another, in the order they were started", async () => {
    const { connection, seen } = slowConnection()
    const client = oneStatementAtATime(connection)
    const results = await Promise.all(["slow", "a", "slow", "b"].map((sql) => client.query(sql)))
    expect(results.map((r) => r.rows[0].sql)).toEqual(["slow", "a", "slow", "b"])
    expect(seen.order).toEqual(["slow", "a", "slow", "b"])
    expect(seen.mostAtOnce).toBe(1)
  })

  it("rejects only the statement that failed and runs the ones after it", async () => {
    const { connection, seen } = slowConnection()
    const client = oneStatementAtATime(connection)
    const outcomes = await Promise.allSettled(["a", "bad", "b"].map((sql) => client.query(sql)))
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"])
    expect(seen.order).toEqual(["a", "bad", "b"])
  })
})
