// POST /api/admin/ingest over real HTTP: auth, refusals (traversal, wrong types, size), one
// ingest at a time, and the atomic swap — questions keep being answered while a new review is
// embedded, and the new index is served once the response arrives.
import { existsSync } from "node:fs";
import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { type RunningServer, startServer } from "../../src/server/start-server.ts";
import { encryptedPdf, scannedPdf, truncatedPdf } from "../support/bad-input-pdfs.ts";
import { copyLiveIndex } from "../support/copy-live-index.ts";
import { type TempIndex, createTempIndex } from "../support/temp-index.ts";
import { TEST_REVIEW_ID, makeTestReview } from "../support/test-review.ts";

const TOKEN = "test-admin-token-0123456789abcdef";
const servers: RunningServer[] = [];
let temp: TempIndex;
let server: RunningServer;

async function start(env: NodeJS.ProcessEnv): Promise<RunningServer> {
  const config = loadConfig({ LOG_LEVEL: "silent", RATE_LIMIT_MAX: "0", ...env, PORT: "0", HOST: "127.0.0.1" });
  const running = await startServer(config, { ingestIfStale: false });
  servers.push(running);
  return running;
}

beforeAll(async () => {
  temp = await createTempIndex();
  await copyLiveIndex(temp.indexDir);
  server = await start({ CORPUS_DIR: temp.corpusDir, INDEX_DIR: temp.indexDir, ADMIN_TOKEN: TOKEN, UPLOAD_MAX_BYTES: "1000000" });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await temp?.cleanup();
});

interface ErrorBody {
  error: { code: string; message: string };
}

const auth = { authorization: `Bearer ${TOKEN}` };

/**
 * POST a multipart upload. Sent with node:http rather than fetch: when the server refuses an
 * upload mid-body and closes the connection, undici leaves a rejected promise of its own behind.
 */
async function upload(target: RunningServer, name: string, content: string | Uint8Array, headers: Record<string, string> = auth, field = "file") {
  const form = new FormData();
  form.append(field, new Blob([typeof content === "string" ? content : Buffer.from(content)]), name);
  const encoded = new Request("http://localhost/", { method: "POST", body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  const url = new URL("/api/admin/ingest", target.url);
  return new Promise<Response>((resolve, reject) => {
    const req = http.request(
      url,
      { method: "POST", headers: { ...headers, "content-type": encoded.headers.get("content-type")!, "content-length": body.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const responseHeaders = new Headers();
          for (const [key, value] of Object.entries(res.headers)) if (typeof value === "string") responseHeaders.set(key, value);
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode, headers: responseHeaders }));
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const rescan = (target: RunningServer, body: unknown = { rescan: true }, headers: Record<string, string> = auth) =>
  fetch(`${target.url}/api/admin/ingest`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

async function expectError(res: Response, status: number, code: string) {
  const body = (await res.json()) as ErrorBody;
  expect({ status: res.status, code: body.error.code }).toEqual({ status, code });
  return body;
}

const corpusFiles = () => fs.readdir(temp.corpusDir).then((files) => files.sort());

describe("authorisation", () => {
  it("is disabled (403 admin_disabled) when ADMIN_TOKEN is not set", async () => {
    const open = await start({});
    const body = await expectError(await rescan(open, { rescan: true }, { authorization: "Bearer anything-at-all-really" }), 403, "admin_disabled");
    expect(body.error.message).toContain("ADMIN_TOKEN");
  });

  it("asks for a token (401, WWW-Authenticate) and refuses a wrong one (403)", async () => {
    const missing = await rescan(server, { rescan: true }, {});
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await expectError(missing, 401, "unauthorized");
    await expectError(await rescan(server, { rescan: true }, { authorization: "Basic YWRtaW46YWRtaW4=" }), 401, "unauthorized");
    await expectError(await rescan(server, { rescan: true }, { authorization: `Bearer ${TOKEN}x` }), 403, "forbidden");
    await expectError(await upload(server, "a.txt", "text", { authorization: "Bearer wrong" }), 403, "forbidden");
  });

  it("locks out an address after 10 refused tokens (429)", async () => {
    const target = await start({ ADMIN_TOKEN: TOKEN });
    for (let i = 0; i < 10; i++) {
      expect((await rescan(target, { rescan: true }, { authorization: `Bearer guess-${i}` })).status).toBe(403);
    }
    const locked = await rescan(target, { rescan: true }, { authorization: "Bearer guess-11" });
    await expectError(locked, 429, "rate_limited");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("refused uploads leave the corpus untouched", () => {
  it.each([
    ["../../escape.txt"],
    ["..\\..\\escape.txt"],
    ["/etc/escape.txt"],
    ["sub/escape.txt"],
    ["..md"],
    ["new\nline.txt"],
  ])("refuses the file name %j with 400", async (name) => {
    const before = await corpusFiles();
    await expectError(await upload(server, name, "Some review text."), 400, "bad_request");
    expect(await corpusFiles()).toEqual(before);
    expect(existsSync(path.join(temp.root, "escape.txt"))).toBe(false);
    expect(existsSync(path.join(path.dirname(temp.root), "escape.txt"))).toBe(false);
  });

  it.each([
    ["malware.exe", "MZ\u0090\u0000", 415, "unsupported_media_type"],
    ["review.PDF.exe", "%PDF-1.7", 415, "unsupported_media_type"],
    ["fake.pdf", "This is plain text pretending to be a PDF.", 415, "unsupported_media_type"],
    ["binary.txt", new Uint8Array([0x48, 0x00, 0x01, 0x02, 0xff]), 415, "unsupported_media_type"],
    ["latin1.md", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]), 415, "unsupported_media_type"],
    ["empty.md", "", 400, "bad_request"],
    ["broken.pdf", "%PDF-1.4\nthis is not really a PDF\n%%EOF", 422, "unreadable_document"],
  ])("refuses %s with the right status and code", async (name, content, status, code) => {
    const before = await corpusFiles();
    await expectError(await upload(server, name, content), status, code);
    expect(await corpusFiles()).toEqual(before);
  });

  it.each([
    ["locked.pdf", () => Promise.resolve(encryptedPdf()), "locked.pdf: is encrypted (password-protected)"],
    ["scan.pdf", () => scannedPdf(), "scan.pdf: has no text layer: run OCR first"],
    ["cut.pdf", () => truncatedPdf(), "cut.pdf: is truncated or damaged"],
  ])("refuses %s with 422 and a reason the user can act on, leaving the corpus alone", async (name, make, message) => {
    const before = await corpusFiles();
    const body = await expectError(await upload(server, name, await make()), 422, "unreadable_document");
    expect(body.error.message).toContain(message);
    expect(await corpusFiles()).toEqual(before);
  });

  it("refuses an upload over UPLOAD_MAX_BYTES with 413", async () => {
    const before = await corpusFiles();
    // Announced too large: refused from Content-Length. Just over: cut off by multer's file size
    // limit while reading. Either way the client gets 413, or, when the server has closed the
    // connection before the client finished sending, a reset.
    for (const size of [1_200_000, 1_050_000]) {
      const res = await upload(server, "huge.txt", "a".repeat(size)).catch((error: unknown) => error);
      if (res instanceof Response) await expectError(res, 413, "payload_too_large");
      else expect(String((res as NodeJS.ErrnoException).code)).toMatch(/EPIPE|ECONNRESET/);
    }
    expect(await corpusFiles()).toEqual(before);
  });

  it("refuses malformed requests: no file, another field, wrong content type, bad JSON", async () => {
    const empty = await fetch(`${server.url}/api/admin/ingest`, { method: "POST", headers: auth, body: new FormData() });
    await expectError(empty, 400, "bad_request");
    await expectError(await upload(server, "a.txt", "text", auth, "document"), 400, "bad_request");
    const plain = await fetch(`${server.url}/api/admin/ingest`, {
      method: "POST",
      headers: { ...auth, "content-type": "text/plain" },
      body: "rescan",
    });
    await expectError(plain, 415, "unsupported_media_type");
    await expectError(await rescan(server, { rescan: "yes" }), 400, "bad_request");
    await expectError(await rescan(server, { rescan: true, extra: 1 }), 400, "bad_request");
  });
});

describe("ingest", () => {
  it("re-scans an unchanged corpus without rebuilding", async () => {
    const res = await rescan(server);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; documents: number };
    expect(body).toMatchObject({ status: "unchanged", documents: 2 });
  });

  it("adds a review while questions keep being answered, refuses a second ingest meanwhile (409), then serves the new index", async () => {
    const health = async () => (await (await fetch(`${server.url}/healthz`)).json()) as { chunks: number; documents: number };
    const before = await health();
    const review = await makeTestReview();

    const ingest = upload(server, "Serving Test Review (2025).md", review);
    let done = false;
    const statuses: number[] = [];
    let answeredDuringIngest = 0;
    const traffic = (async () => {
      // Questions and searches against whichever index is live, until the ingest answers.
      for (let i = 0; !done || i < 5; i++) {
        const res = await (i % 2 === 0
          ? fetch(`${server.url}/api/ask`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ question: "How do miRNAs overcome drug resistance?" }),
            })
          : fetch(`${server.url}/api/search?q=${encodeURIComponent("exosome delivery of miRNA")}`)
        ).catch((error: unknown) => error as Error);
        // A failed connection counts as a failed answer (status 0), not a crash of the loop.
        statuses.push(res instanceof Response ? res.status : 0);
        if (res instanceof Response) await res.arrayBuffer();
        if (!done) answeredDuringIngest += 1;
      }
    })();
    // A second ingest while the first runs.
    const running = async () => /^review_chat_ingest_running 1$/m.test(await (await fetch(`${server.url}/metrics`)).text());
    let settled = false;
    void ingest.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled && !(await running())) await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await rescan(server, { rescan: true, force: true });
    await expectError(second, 409, "conflict");

    const res = await ingest;
    done = true;
    await traffic;
    const body = (await res.json()) as {
      status: string;
      documents: number;
      chunks: number;
      file: { name: string; replaced: boolean };
      warnings: { file: string; docId: string; warnings: string[] }[];
    };
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: "built", documents: 3, file: { name: "Serving-Test-Review-2025.md", replaced: false } });
    // Documents read with gaps are named with what is wrong (Guan's list has no entry 2).
    expect(body.warnings).toContainEqual({
      file: "guan2024-nanomaterials-breast-cancer-drug-resistance.txt",
      docId: "guan2024",
      warnings: ["1 of 104 reference numbers have no entry"],
    });
    expect(answeredDuringIngest).toBeGreaterThanOrEqual(5);
    expect(statuses.every((s) => s === 200)).toBe(true);

    // Swapped in by the time the response arrived.
    const after = await health();
    expect(after.documents).toBe(3);
    expect(after.chunks).toBe(body.chunks);
    expect(after.chunks).toBeGreaterThan(before.chunks);
    const docs = (await (await fetch(`${server.url}/api/documents`)).json()) as { documents: { id: string; file: string }[] };
    expect(docs.documents.map((d) => d.id)).toContain(TEST_REVIEW_ID);
    const search = await fetch(`${server.url}/api/search?q=${encodeURIComponent("mammary carcinoma miRNA")}&docs=${TEST_REVIEW_ID}`);
    expect(search.status).toBe(200);
    expect(((await search.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
    expect(await corpusFiles()).toContain("Serving-Test-Review-2025.md");
    // No staging leftovers in the corpus.
    expect((await corpusFiles()).filter((f) => f.startsWith("."))).toEqual([]);

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/review_chat_ingests_total\{result="built"\} [1-9]/);
    expect(metrics).toMatch(/review_chat_ingests_total\{result="conflict"\} [1-9]/);
    expect(metrics).toMatch(/review_chat_index_swaps_total [1-9]/);
  }, 240_000);
});
