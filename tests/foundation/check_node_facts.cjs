// Fails unless the build action's output says a Node >= 18 ran it.
const fs = require("node:fs");
const facts = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const major = Number(/^v(\d+)\./.exec(facts.node)?.[1]);
if (!(major >= 18)) {
  console.error(`expected Node >= 18 in ${process.argv[2]}, got ${facts.node}`);
  process.exit(1);
}
console.log(`ok: the toolchain's Node is ${facts.node}`);
