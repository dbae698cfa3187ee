// Parses the shims' command lines: `--flag value` pairs, a flag may repeat.
export type Flags = Map<string, string[]>;

export function parseFlags(argv: readonly string[], booleans: ReadonlySet<string> = new Set()): Flags {
  const flags: Flags = new Map();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (!flag.startsWith("--")) throw new MalformedFlagsError(`unexpected argument ${JSON.stringify(flag)}`);
    const value = booleans.has(flag) ? "true" : argv[++i];
    if (value === undefined) throw new MalformedFlagsError(`${flag} needs a value`);
    flags.set(flag, [...(flags.get(flag) ?? []), value]);
  }
  return flags;
}

export function one(flags: Flags, flag: string): string {
  const values = flags.get(flag);
  if (!values || values.length !== 1) throw new MalformedFlagsError(`expected exactly one ${flag}`);
  return values[0]!;
}

export function optional(flags: Flags, flag: string): string | undefined {
  return flags.get(flag)?.[0];
}

export function all(flags: Flags, flag: string): string[] {
  return flags.get(flag) ?? [];
}

/** A malformed shim command line: a bug in the rules, not in the user's script. */
export class MalformedFlagsError extends Error {}
