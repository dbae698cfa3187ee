// A reader for protobuf text format, enough for the ModuleInfo that starlark_doc_extract
// writes: scalar fields, nested messages, and repeated fields (every field becomes a list).
export type Message = { [field: string]: Value[] };
export type Value = string | number | boolean | Message;

function unescape(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{3}|.)/g, (_, e: string) => {
    if (e.startsWith("x")) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return ({ n: "\n", t: "\t", r: "\r" } as Record<string, string>)[e] ?? e;
  });
}

export function parseTextproto(text: string): Message {
  const tokens = text.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[{}:]|[^\s{}:"']+|#[^\n]*/g) ?? [];
  let at = 0;
  function message(closing: boolean): Message {
    const out: Message = {};
    while (at < tokens.length) {
      const name = tokens[at++]!;
      if (name.startsWith("#")) continue;
      if (name === "}") {
        if (!closing) throw new Error("unexpected }");
        return out;
      }
      if (tokens[at] === ":") at++;
      let value: Value;
      if (tokens[at] === "{") {
        at++;
        value = message(true);
      } else {
        const token = tokens[at++]!;
        if (token.startsWith('"') || token.startsWith("'")) {
          let s = unescape(token.slice(1, -1));
          // Adjacent string literals concatenate.
          while (tokens[at]?.startsWith('"') || tokens[at]?.startsWith("'")) s += unescape(tokens[at++]!.slice(1, -1));
          value = s;
        } else if (token === "true" || token === "false") value = token === "true";
        else if (/^-?\d+(\.\d+)?$/.test(token)) value = Number(token);
        else value = token;
      }
      (out[name] ??= []).push(value);
    }
    if (closing) throw new Error("missing }");
    return out;
  }
  return message(false);
}

export function str(m: Message, field: string): string {
  const v = m[field]?.[0];
  return typeof v === "string" ? v : v === undefined ? "" : String(v);
}

export function msgs(m: Message, field: string): Message[] {
  return (m[field] ?? []).filter((v): v is Message => typeof v === "object");
}

export function flag(m: Message, field: string): boolean {
  return m[field]?.[0] === true;
}
