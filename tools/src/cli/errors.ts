// The CLI's failures: each carries a message written for the user and the exit code it means.

/** A failure the user can act on; `databazel: error: <message>` and the exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
  }
}

/** Exit code 2: the command line is wrong (arguments, flags, or a label the command does not apply to). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}
