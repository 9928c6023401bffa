// Run `npm start`'s entry (src/server/main.ts) in a child process, as an operator would, and find
// its URL in the JSON log; for tests of signals, start-up failures and clusters.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config.ts";

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything written so far. */
  output(): { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL if still running (cleanup). */
  kill(): void;
}

/**
 * Start the server; resolves once it listens (or rejects with its stderr when it exits first).
 * The address is read from the info-level "listening" log line, so LOG_LEVEL must stay at info or below.
 */
export function spawnServer(env: NodeJS.ProcessEnv, options: { timeoutMs?: number } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "src/server/main.ts")], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`server did not start within ${options.timeoutMs ?? 120_000} ms\n${stderr}`));
    }, options.timeoutMs ?? 120_000);
    const onData = () => {
      const match = /Review Chat listening on (http:\/\/[\d.]+:\d+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      resolve({ child, url: match[1]!, output: () => ({ stdout, stderr }), exited, kill });
    };
    child.stdout!.on("data", onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server exited (${code ?? signal}) before listening`), { stdout, stderr, code }));
    });
  });
}

/** Run the server entry to completion (for start-up failures): exit code and output. */
export async function runServerToExit(env: NodeJS.ProcessEnv, timeoutMs = 120_000) {
  try {
    const server = await spawnServer(env, { timeoutMs });
    server.kill();
    return { started: true, code: null, stdout: server.output().stdout, stderr: server.output().stderr };
  } catch (error) {
    const { stdout = "", stderr = "", code = null } = error as { stdout?: string; stderr?: string; code?: number | null };
    return { started: false, code, stdout, stderr };
  }
}
