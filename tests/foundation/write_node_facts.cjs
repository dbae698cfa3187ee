// Writes facts about the Node that ran it, so the test can see which Node the toolchain gave.
const fs = require("node:fs");
const facts = { node: process.version, platform: process.platform };
fs.writeFileSync(process.argv[2], JSON.stringify(facts, null, 2) + "\n");
