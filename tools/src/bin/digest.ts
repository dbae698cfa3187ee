// DatabazelDigest: hashes a target's data files once, streamed, so that its train and eval
// actions (one per trial or segment) record the digests without reading the data again.
// Called by databazel/private/actions/digest.bzl.
import { DIGEST_FLAGS } from "../formats/action-flags.ts";
import { writeDataDigests } from "../formats/digests.ts";
import { all, one, parseFlags } from "../lib/flags.ts";
import { main } from "../helper/main.ts";
import { discard } from "../lib/outputs.ts";
import { inputDigester } from "../shim/digest.ts";

main(async (argv, request) => {
  const flags = parseFlags(argv);
  const output = one(flags, DIGEST_FLAGS.output);
  try {
    writeDataDigests(output, all(flags, DIGEST_FLAGS.file).map(inputDigester(request.inputDigests)));
  } catch (err) {
    discard(output);
    throw err;
  }
});
