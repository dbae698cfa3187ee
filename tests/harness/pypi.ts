// Whether a failed build failed because PyPI is out of reach: the examples with pip
// dependencies skip then, and say why; any other failure is theirs to report.

const OFFLINE =
  /^.*(?:PKIX path|Connection (?:refused|reset)|Could not resolve|UnknownHostException|NewConnectionError|Temporary failure in name resolution|Network is unreachable|Read timed out|ProxyError|No matching distribution).*$/m;

/** The line of Bazel's output that says PyPI could not be reached, or undefined. */
export function pypiUnreachable(output: string): string | undefined {
  return OFFLINE.exec(output)?.[0].trim();
}
