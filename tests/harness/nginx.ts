// A real HTTP cache for Bazel's --remote_cache: nginx with WebDAV PUT, on a free loopback port,
// from Debian's package. Started and stopped by the test that uses it.
import { findOrInstall } from "./install.ts";
import { execa, type ResultPromise } from "execa";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { join } from "node:path";

/** The nginx binary, installing Debian's package if needed; or why there is none. */
export function findNginx(): Promise<{ path: string } | { reason: string }> {
  return findOrInstall("nginx", "/usr/sbin/nginx", "nginx");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

export interface CacheServer {
  url: string;
  stop: () => Promise<void>;
}

/** Starts nginx as a WebDAV cache under `dir`; stop() ends it and waits for it to exit. */
export async function startNginxCache(nginx: string, dir: string): Promise<CacheServer> {
  const port = await freePort();
  mkdirSync(join(dir, "cache"), { recursive: true });
  const temp = (name: string): string => `${name}_temp_path ${join(dir, name)};`;
  writeFileSync(
    join(dir, "nginx.conf"),
    `user root;
daemon off;
worker_processes 1;
pid ${join(dir, "nginx.pid")};
error_log ${join(dir, "error.log")};
events {}
http {
  access_log off;
  ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n  ")}
  server {
    listen 127.0.0.1:${port};
    root ${join(dir, "cache")};
    client_max_body_size 0;
    location / {
      dav_methods PUT;
      create_full_put_path on;
      dav_access user:rw group:rw all:r;
    }
  }
}
`,
  );
  const server: ResultPromise = execa(nginx, ["-c", join(dir, "nginx.conf"), "-p", dir], { reject: false, stdin: "ignore" });
  await waitForPort(port, 10_000);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.kill("SIGQUIT");
      await server;
    },
  };
}
