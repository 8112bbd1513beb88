// `medusa db:migrate` takes 10 s or more even when nothing is pending: a third of what a later demo
// start may take. It can only find work when one of its inputs changed, so the demo hashes them and
// migrates when the hash differs from the one the database was last migrated with:
// - node_modules/.package-lock.json: npm's record of the installed tree, hence of the migrations,
//   links and migration scripts that Medusa and its modules ship;
// - medusa-config.ts: which modules are loaded;
// - the plugin's own module migrations, links and migration scripts.
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"

/** Paths relative to `root` of every file under `dir`, none when it does not exist. */
function filesUnder(root, dir) {
  const absolute = path.join(root, dir)
  if (!fs.existsSync(absolute)) return []
  return fs
    .readdirSync(absolute, { recursive: true })
    .map((file) => path.join(dir, file))
    .filter((file) => fs.statSync(path.join(root, file)).isFile())
}

function migrationInputs(root) {
  const modules = fs.existsSync(path.join(root, "src/modules")) ? fs.readdirSync(path.join(root, "src/modules")) : []
  const dirs = ["src/links", "src/migration-scripts", ...modules.map((module) => `src/modules/${module}/migrations`)]
  return ["node_modules/.package-lock.json", "medusa-config.ts", ...dirs.flatMap((dir) => filesUnder(root, dir))]
}

export function migrationFingerprint(root) {
  const hash = crypto.createHash("sha256")
  for (const file of migrationInputs(root).sort()) {
    hash.update(file).update("\0").update(fs.readFileSync(path.join(root, file))).update("\0")
  }
  return hash.digest("hex")
}
