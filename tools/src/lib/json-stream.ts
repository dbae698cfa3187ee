// Splits a stream of JSON objects written one after another (with or without newlines between
// them, pretty-printed or not) into the objects, as their text arrives in pieces.
export class JsonObjectStream {
  private text = "";
  private scanned = 0;
  private depth = 0;
  private start = 0;
  private inString = false;
  private escaped = false;

  /** Adds text; returns the objects it completed. */
  push(chunk: string): unknown[] {
    this.text += chunk;
    const out: unknown[] = [];
    for (let i = this.scanned; i < this.text.length; i++) {
      const c = this.text[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === "\\") this.escaped = true;
        else if (c === '"') this.inString = false;
      } else if (c === '"') this.inString = true;
      else if (c === "{" && this.depth++ === 0) this.start = i;
      else if (c === "}" && --this.depth === 0) out.push(JSON.parse(this.text.slice(this.start, i + 1)));
    }
    // Keep only the object in progress.
    if (this.depth === 0) {
      this.text = "";
      this.scanned = 0;
    } else {
      this.text = this.text.slice(this.start);
      this.scanned = this.text.length;
      this.start = 0;
    }
    return out;
  }
}
