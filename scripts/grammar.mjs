// The segment DSL grammar is compiled from grammar.ne by nearleyc: generated, never edited by hand.
import { execFileSync } from "node:child_process"
import path from "node:path"

const GRAMMAR = "src/modules/audience/lib/segment-dsl/grammar"

export function generateGrammar(root) {
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/nearley/bin/nearleyc.js"), `${GRAMMAR}.ne`, "-o", `${GRAMMAR}.ts`],
    { cwd: root, stdio: "inherit" }
  )
}

// `npm run grammar`
if (process.argv[1] === new URL(import.meta.url).pathname) {
  generateGrammar(path.resolve(path.dirname(new URL(import.meta.url).pathname), ".."))
}
