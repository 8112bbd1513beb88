/** Subscribers run after the request answers: polls until what they do is visible, or time is up. */
export async function eventually<T>(read: () => Promise<T>, done: (value: NoInfer<T>) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > until) return value
    await new Promise((r) => setTimeout(r, 100))
  }
}
