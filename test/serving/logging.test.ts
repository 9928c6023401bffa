// Structured logs of a real server process: JSON lines, a request id on every line of a request
// (the same id as in the response header and the error body), no question text and no
// Authorization header unless LOG_QUESTIONS=1 asks for questions.
import { afterAll, describe, expect, it } from "vitest";
import { type ServerProcess, spawnServer } from "../support/server-process.ts";

const SECRET_QUESTION = "Does zebrafish-lumbago-4711 respond to doxorubicin liposomes?";
const SECRET_QUERY = "quokka-marmalade-0815";
const processes: ServerProcess[] = [];

afterAll(() => {
  for (const p of processes) p.kill();
});

async function exercise(env: NodeJS.ProcessEnv) {
  const server = await spawnServer({ RATE_LIMIT_MAX: "0", ADMIN_TOKEN: "logging-test-token-0123456789", ...env });
  processes.push(server);
  const ask = await fetch(`${server.url}/api/ask`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question: SECRET_QUESTION }),
  });
  expect(ask.status).toBe(200);
  await fetch(`${server.url}/api/search?q=${SECRET_QUERY}`);
  const bad = await fetch(`${server.url}/api/admin/ingest`, {
    method: "POST",
    headers: { authorization: "Bearer wrong-token-sent-by-someone", "content-type": "application/json" },
    body: "{}",
  });
  const badBody = (await bad.json()) as { error: { requestId: string } };
  // Completion lines are written when responses finish.
  await new Promise((resolve) => setTimeout(resolve, 300));
  server.child.kill("SIGTERM");
  await server.exited;
  const lines = server
    .output()
    .stdout.split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { lines, raw: server.output().stdout, ask, bad, badBody };
}

describe("request logs", () => {
  it("are JSON lines with a request id matching the response, without questions or credentials", async () => {
    const { lines, raw, ask, bad, badBody } = await exercise({});
    const requests = lines.filter((line) => line.msg === "request completed");
    expect(requests.length).toBeGreaterThanOrEqual(3);
    for (const line of requests) expect(typeof line.requestId).toBe("string");
    const ids = requests.map((line) => line.requestId);
    expect(ids).toContain(ask.headers.get("x-request-id"));
    expect(ids).toContain(bad.headers.get("x-request-id"));
    expect(badBody.error.requestId).toBe(bad.headers.get("x-request-id"));
    const search = requests.find((line) => String((line.req as { url: string }).url).startsWith("/api/search"));
    expect((search!.req as { url: string }).url).toBe("/api/search?…");
    expect(raw).not.toContain("zebrafish-lumbago");
    expect(raw).not.toContain(SECRET_QUERY);
    expect(raw).not.toContain("wrong-token-sent-by-someone");
    expect(raw.toLowerCase()).not.toContain("authorization");
  }, 120_000);

  it("carry the question with LOG_QUESTIONS=1", async () => {
    const { lines, raw } = await exercise({ LOG_QUESTIONS: "1" });
    const asked = lines.find((line) => line.msg === "request completed" && (line.req as { url: string }).url === "/api/ask");
    expect(asked?.question).toBe(SECRET_QUESTION);
    expect(raw).toContain(SECRET_QUERY);
    expect(raw).not.toContain("wrong-token-sent-by-someone");
  }, 120_000);
});
