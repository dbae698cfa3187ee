// The frame every helper binary runs in: a failure prints one clear message and exits 1.
import { FormatError } from "../formats/shape.ts";
import { UsageError } from "./flags.ts";

/** A failure whose message is already written for the user. */
export class ContractError extends Error {}

export function main(body: (argv: string[]) => Promise<void>): void {
  body(process.argv.slice(2)).catch((err: unknown) => {
    if (err instanceof ContractError) {
      console.error(err.message);
    } else if (err instanceof FormatError) {
      console.error(`databazel: ${err.message}`);
    } else if (err instanceof UsageError) {
      console.error(`databazel: internal error: a helper was called wrongly (${err.message}). Please report it.`);
    } else {
      console.error(`databazel: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    process.exitCode = 1;
  });
}
