// Command-line plumbing shared by the train and eval executables.

/** An expected failure (bad input file, say): reported as its message alone, exit status 1. */
export class Failure extends Error {}

/** A bad flag or hyperparameter: the caller's mistake, reported with exit status 2. */
export class UsageError extends Failure {}

/** Parses `--flag value` pairs. `repeatable` flags collect every value; the others may appear once. */
export function parseFlags(
  argv: readonly string[],
  known: ReadonlySet<string>,
  repeatable: ReadonlySet<string> = new Set(),
): Map<string, string[]> {
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (!known.has(flag)) throw new UsageError(`unknown argument ${JSON.stringify(flag)}; accepted: ${[...known].join(", ")}`);
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    const values = flags.get(flag) ?? [];
    if (values.length > 0 && !repeatable.has(flag)) throw new UsageError(`${flag} given more than once`);
    flags.set(flag, [...values, value]);
  }
  return flags;
}

export function required(flags: Map<string, string[]>, flag: string): string {
  const value = flags.get(flag)?.[0];
  if (value === undefined) throw new UsageError(`missing ${flag}`);
  return value;
}

/** Runs `main`, turning thrown errors into a one-line message and an exit status. */
export function run(program: string, main: (argv: string[]) => void): void {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    // Our own failures and system errors (ENOENT...) explain themselves; anything else is a bug.
    const expected = error instanceof Failure || (error instanceof Error && "code" in error);
    const text = error instanceof Error ? (expected ? error.message : (error.stack ?? error.message)) : String(error);
    console.error(`${program}: error: ${text}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
