// Random HTTP requests for fuzzing the API (fast-check): real routes and random ones, random
// methods, query strings, headers and bodies — valid-looking questions, wrong types, broken JSON,
// deep nesting, odd encodings. Shared by test/serving/fuzz-api.test.ts and bench/fuzz-api.ts.
import http from "node:http";
import fc from "fast-check";

export interface RandomRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzResponse {
  status: number;
  contentType: string;
  body: string;
}

const ROUTES = [
  "/api/ask",
  "/api/chat",
  "/api/search",
  "/api/references",
  "/api/documents",
  "/api/documents/guan2024",
  "/api/documents/verma2024/references/44",
  "/api/documents/guan2024/references/2",
  "/api/openapi.json",
  "/api/admin/ingest",
  "/healthz",
  "/metrics",
  "/",
  "/chat",
  "/docs/guan2024",
  "/widget.js",
];

const token = fc.stringMatching(/^[A-Za-z0-9._~-]{0,12}$/);
const segment = fc.oneof(
  token,
  fc.constantFrom("..", ".", "%2e%2e", "%00", "%E0%A4%A", "%", "%zz", "guan2024", "99999999", "-1", "0", "1e3", "NaN", "__proto__", "constructor"),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
);
const path = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...ROUTES) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...ROUTES), fc.array(segment, { maxLength: 3 })).map(([r, s]) => [r, ...s].join("/")) },
  { weight: 1, arbitrary: fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => `/${s.join("/")}`) },
);

const queryValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("", "0", "-5", "21", "1e9", "abc", "true", "1", "hybrid", "bm25", "dense", "guan2024", "guan2024,verma2024", "nobody", "x".repeat(3000)),
  fc.integer().map(String),
);
const queryKey = fc.oneof(fc.constantFrom("q", "k", "docs", "mode", "mmr", "limit", "n", "docs[]", "q[a]", "__proto__"), token);
const query = fc
  .array(fc.tuple(queryKey, queryValue), { maxLength: 6 })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")}` : ""));

const question = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.constantFrom(
    "How do nanoparticles overcome doxorubicin resistance?",
    "what is reference 45 in the Guan review",
    "refs 21–23 of the miRNA paper",
    "where does the review cite Granja?",
    "which references support the claim that exosomes deliver miRNA?",
    "   ",
    "",
    "<img src=x onerror=alert(1)>",
    "x".repeat(2001),
  ),
);
const turn = fc.record({ role: fc.oneof(fc.constantFrom("user", "assistant"), fc.string({ maxLength: 10 })), content: fc.oneof(fc.string({ maxLength: 200 }), fc.integer()) });
const askBody = fc.record(
  {
    question: fc.oneof({ weight: 8, arbitrary: question }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }),
    history: fc.oneof(fc.array(turn, { maxLength: 22 }), fc.jsonValue({ maxDepth: 2 })),
    docs: fc.oneof(fc.array(fc.constantFrom("guan2024", "verma2024", "nobody", "", " "), { maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })),
    k: fc.oneof(fc.integer({ min: -2, max: 25 }), fc.double(), fc.string({ maxLength: 3 })),
    rescan: fc.boolean(),
  },
  { requiredKeys: [] },
);
const nested = fc.integer({ min: 1, max: 3000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`);
const body = fc.oneof(
  { weight: 5, arbitrary: askBody.map((b) => JSON.stringify(b)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom("{", '{"question":', "null", "[]", '"just a string"', "{\"question\":\"\\ud800\"}", "\u0000\u0001") },
  { weight: 1, arbitrary: nested },
);

const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);
/** Present in about one request in `n`: most requests look ordinary, so they get past CORS and parsing. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, n: number) =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const headers = fc
  .record({
    "content-type": fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8") },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "application/json; charset=latin1",
          "text/plain",
          "multipart/form-data",
          "multipart/form-data; boundary=x",
          "application/x-www-form-urlencoded",
          "application/*",
          "",
        ),
      },
    ),
    accept: sometimes(fc.constantFrom("*/*", "text/event-stream", "application/json", "text/html"), 2),
    origin: sometimes(fc.oneof(fc.constantFrom("https://evil.example", "null", "https://blog.example.org"), headerValue), 6),
    authorization: sometimes(fc.oneof(fc.constantFrom("Bearer ", "Bearer x", "Basic abc"), headerValue), 4),
    "x-request-id": sometimes(headerValue, 4),
    "x-forwarded-for": sometimes(fc.oneof(fc.ipV4(), fc.ipV6(), headerValue), 4),
    "accept-encoding": sometimes(fc.constantFrom("gzip", "identity", "br;q=0"), 3),
    "content-encoding": sometimes(fc.constantFrom("gzip", "deflate", "identity", "bogus"), 10),
    "access-control-request-method": sometimes(fc.constantFrom("POST", "GET", "DELETE"), 8),
    "if-none-match": sometimes(headerValue, 8),
    "x-fuzz": sometimes(headerValue, 4),
  })
  .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);

export const randomRequest: fc.Arbitrary<RandomRequest> = fc
  .record({
    method: fc.oneof({ weight: 4, arbitrary: fc.constantFrom("GET", "POST") }, { weight: 1, arbitrary: fc.constantFrom("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD") }),
    path,
    query,
    headers,
    body: fc.option(body, { nil: undefined, freq: 4 }),
  })
  .map(({ method, path: p, query: q, headers: h, body: b }) => ({
    method,
    path: `${p}${q}`,
    headers: h,
    body: method === "GET" || method === "HEAD" ? undefined : b,
  }));

/** Send one request (keep-alive agent); resolves with the whole response, never rejects on HTTP status. */
export function sendRequest(baseUrl: string, request: RandomRequest, agent: http.Agent): Promise<FuzzResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        agent,
        headers: { ...request.headers, ...(request.body !== undefined ? { "content-length": Buffer.byteLength(request.body) } : {}) },
      },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (data += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: data }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(request.body);
  });
}
