// A real Remote Execution API cluster, for the tests and the benchmark: BuildGrid with buildbox
// workers, started and stopped through cluster.sh (which provisions it once, then caches it).
import { execa } from "execa";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../build/paths.ts";

export const clusterScript = join(repoRoot, "tools", "remote", "cluster.sh");

/** One BuildGrid job (an Execute of one action), from its scheduler database. */
export interface Job {
  /** The action's digest hash. */
  action: string;
  /** How often the server handed it to a worker. */
  tries: number;
  /** Its google.rpc status code: 0 OK, 10 ABORTED, ... */
  status: number;
  worker: string;
  /** When a worker took it and when it finished, in ms since the epoch (NaN if never). */
  started: number;
  completed: number;
  /** The start of its command line, as BuildGrid records it (e.g. `.../node .../train_shim.cjs @...`). */
  command: string;
}

export interface Cluster {
  /** grpc://127.0.0.1:PORT, for --remote_executor. */
  executor: string;
  /** The REAPI instance name, for --remote_instance_name. */
  instance: string;
  stateDir: string;
  /** The root filesystem the workers run in (a chroot): all they can see. */
  workerRoot: string;
  /** Each worker's log (buildbox-worker --verbose). */
  workerLogs: string[];
  /** Kills worker `index` (0-based) and all it runs with SIGKILL, as if its machine died. */
  killWorker: (index: number) => Promise<void>;
  /** BuildGrid's jobs, oldest first. */
  jobs: () => Promise<Job[]>;
  /** What cluster.sh status reports (it exits non-zero when a part is down). */
  status: () => Promise<{ ok: boolean; text: string }>;
  /** Stops everything; cluster.sh checks with ps that nothing is left. */
  stop: () => Promise<void>;
}

/** Why the cluster cannot run here, or undefined when it can. */
export function clusterUnavailable(): string | undefined {
  if (process.platform !== "linux") return "the cluster's workers are Linux-only";
  if (process.getuid?.() !== 0) return "the cluster needs root (workers chroot; PostgreSQL runs as postgres)";
  return undefined;
}

function readEnv(file: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return env;
}

const millis = (timestamp: string | undefined): number => (timestamp ? Date.parse(`${timestamp.replace(" ", "T")}Z`) : NaN);

/** Starts a cluster with `workers` workers (provisioning first if needed) and waits until healthy. */
export async function startCluster(workers: number): Promise<Cluster> {
  const stateDir = mkdtempSync(join(tmpdir(), "databazel-remote-"));
  const started = await execa(clusterScript, ["start", String(workers), stateDir], { all: true, reject: false, stdin: "ignore" });
  if (started.exitCode !== 0) {
    rmSync(stateDir, { recursive: true, force: true });
    throw new Error(`cluster.sh start exited ${started.exitCode}:\n${started.all}`);
  }
  const env = readEnv(join(stateDir, "env"));
  const workerPids = Array.from({ length: workers }, (_, i) => Number(env[`WORKER_${i + 1}_PID`]));
  const psql = async (sql: string): Promise<string[][]> => {
    const args = ["-u", "postgres", "--", join(env.PG_BIN!, "psql"), "-h", "127.0.0.1", "-p", env.PG_PORT!, "-U", "bgd"];
    const { stdout } = await execa("runuser", [...args, "-At", "-F", "|", "-c", sql, "bgd"]);
    return stdout.split("\n").filter(Boolean).map((line) => line.split("|"));
  };
  return {
    executor: env.REMOTE_EXECUTOR!,
    instance: env.REMOTE_INSTANCE!,
    stateDir,
    workerRoot: env.WORKER_ROOT!,
    workerLogs: Array.from({ length: workers }, (_, i) => join(stateDir, `worker-${i + 1}.log`)),
    killWorker: async (index) => {
      // Each worker is the leader of its own session: this kills it and the action it runs.
      await execa("pkill", ["-KILL", "-s", String(workerPids[index])], { reject: false });
    },
    jobs: async () => {
      const rows = await psql(
        "select action_digest, n_tries, status_code, worker_name, worker_start_timestamp, worker_completed_timestamp," +
          " translate(left(command, 200), '|' || chr(10), '  ') from jobs order by queued_timestamp",
      );
      return rows.map(([action, tries, status, worker, started, completed, command]) => ({
        action: action!.split("/")[0]!,
        tries: Number(tries),
        status: status === "" ? NaN : Number(status),
        worker: worker ?? "",
        started: millis(started),
        completed: millis(completed),
        command: command ?? "",
      }));
    },
    status: async () => {
      const result = await execa(clusterScript, ["status", stateDir], { all: true, reject: false });
      return { ok: result.exitCode === 0, text: result.all ?? "" };
    },
    stop: async () => {
      const stopped = await execa(clusterScript, ["stop", stateDir], { all: true, reject: false, stdin: "ignore" });
      if (stopped.exitCode !== 0) throw new Error(`cluster.sh stop exited ${stopped.exitCode}:\n${stopped.all}`);
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** The most jobs that ran at the same time. */
export function maxConcurrent(jobs: Job[]): number {
  const events = jobs
    .filter((job) => !Number.isNaN(job.started) && !Number.isNaN(job.completed))
    .flatMap((job) => [
      { at: job.started, delta: 1 },
      { at: job.completed, delta: -1 },
    ])
    // At equal times, a finish comes before a start: back-to-back jobs do not overlap.
    .sort((a, b) => a.at - b.at || a.delta - b.delta);
  let running = 0;
  let most = 0;
  for (const { delta } of events) most = Math.max(most, (running += delta));
  return most;
}
