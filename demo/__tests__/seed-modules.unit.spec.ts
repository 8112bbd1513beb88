// The demo's seed runs only under `npm run demo`: this loads it, and every module it imports, so that a
// module moved or removed from src/ fails here rather than on a store owner's first run.
it("loads the demo seed and every module it imports", () => {
  const seed = require("../seed")
  expect(typeof seed.default).toBe("function")
})
