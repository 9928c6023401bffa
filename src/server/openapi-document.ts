// The OpenAPI 3.1 description of every endpoint. test/http/openapi.test.ts checks it against the
// routes the app really registers, so a new route without a description fails the tests.
import { VALUE_KINDS } from "../answer/requested-value.ts";
import { MAX_HISTORY_TURNS, MAX_QUESTION_CHARS, MAX_TURN_CHARS } from "./ask-request-schema.ts";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({ description, content: { "application/json": { schema } } });
const errorResponse = (description: string) => json(ref("Error"), description);
const nullable = (type: string) => ({ type: [type, "null"] });

const docsQuery = {
  name: "docs",
  in: "query",
  description: "Restrict to these document ids (comma-separated or repeated). Unknown ids are a 404.",
  schema: { type: "string" },
  example: "guan2024",
};
const CHUNK_KIND = { enum: ["text", "table", "caption"] };
/** A retrieved passage's fields, shared by answer sources and search results. */
const passageProperties = {
  id: { type: "string", examples: ["guan2024:0042"] },
  docId: { type: "string" },
  section: { type: "string" },
  kind: CHUNK_KIND,
  text: { type: "string" },
  refs: { type: "array", items: { type: "integer" }, description: "Reference numbers the passage cites" },
  score: { type: "number" },
};
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" }, example: "guan2024" };

const askBody = {
  required: true,
  content: {
    "application/json": {
      schema: ref("AskRequest"),
      example: { question: "How do solid lipid nanoparticles improve docetaxel delivery?", docs: ["guan2024"], k: 6 },
    },
  },
};
const askErrors = {
  "400": errorResponse("Malformed JSON (code bad_json) or a missing, empty or oversized field (bad_request)"),
  "404": errorResponse("A document in `docs` does not exist"),
  "413": errorResponse("The body is larger than 64 KB"),
  "429": errorResponse("Too many questions from this address"),
  "503": errorResponse("The index is still loading, or no answer started within the request deadline"),
};

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Review Chat API",
    version: "0.1.0",
    description:
      "Citation-grounded answers from scientific review papers: every answer cites its passages ([n] markers) and the " +
      "review's own numbered references, resolved to full entries with DOI links. Errors are always " +
      '{"error":{"code","message"}}.',
  },
  paths: {
    "/api/ask": {
      post: {
        summary: "Answer a question with cited passages and the reviews' references",
        description:
          "Citation questions (\"what is reference 45 in the Guan review\", \"where does the review cite Granja?\", \"which " +
          'references support the claim that …") are answered deterministically from the reference lists. Otherwise the ' +
          "passages are retrieved and the answer is extractive (default) or written by the configured LLM, falling back to " +
          "extractive with a warning when it fails or times out. With `history`, follow-ups are rewritten into standalone questions.",
        requestBody: askBody,
        responses: { "200": json(ref("AskResponse"), "The answer"), ...askErrors },
      },
    },
    "/api/chat": {
      post: {
        summary: "The same answer as Server-Sent Events",
        description:
          "Events in order: `sources` (data {\"sources\":[Source]}), then `delta` events (data {\"text\"}) as the answer is " +
          "produced, then `done` (data: the full /api/ask payload, whose `answer` is authoritative). `error` (data " +
          '{"error":{"code","message"}}) replaces `done` on failure. Closing the connection stops the work. Invalid ' +
          "requests get a JSON error with its status before any event.",
        requestBody: askBody,
        responses: {
          "200": {
            description: "An event stream",
            content: {
              "text/event-stream": {
                schema: { type: "string" },
                example:
                  'event: sources\ndata: {"sources":[…]}\n\nevent: delta\ndata: {"text":"…"}\n\nevent: done\ndata: {"answer":"…",…}\n\n',
              },
            },
          },
          ...askErrors,
        },
      },
    },
    "/api/search": {
      get: {
        summary: "Hybrid (BM25 + dense) passage search",
        parameters: [
          { name: "q", in: "query", required: true, schema: { type: "string", minLength: 1, maxLength: 2000 } },
          { name: "k", in: "query", schema: { type: "integer", minimum: 1, maximum: 50, default: 8 } },
          docsQuery,
          { name: "mode", in: "query", schema: { enum: ["hybrid", "bm25", "dense"], default: "hybrid" } },
          { name: "mmr", in: "query", description: "Diversify with maximal marginal relevance", schema: { enum: ["true", "false", "1", "0"] } },
        ],
        responses: {
          "200": json({ type: "object", properties: { results: { type: "array", items: ref("SearchResult") } } }, "Best passages first"),
          "400": errorResponse("Missing or invalid parameter"),
          "404": errorResponse("Unknown document in `docs`"),
        },
      },
    },
    "/api/documents": {
      get: {
        summary: "The indexed reviews with metadata and counts",
        responses: {
          "200": json({ type: "object", properties: { documents: { type: "array", items: ref("DocumentSummary") } } }, "All documents"),
        },
      },
    },
    "/api/documents/{id}": {
      get: {
        summary: "One review: metadata, counts, citation statistics and sections",
        parameters: [idParam],
        responses: { "200": json(ref("DocumentDetail"), "The document"), "404": errorResponse("Unknown document") },
      },
    },
    "/api/documents/{id}/references": {
      get: {
        summary: "A review's whole reference list, as printed (numbers never renumbered)",
        parameters: [idParam],
        responses: {
          "200": json(
            {
              type: "object",
              properties: {
                docId: { type: "string" },
                missingReferenceNumbers: { type: "array", items: { type: "integer" } },
                references: { type: "array", items: ref("Reference") },
              },
            },
            "The reference list",
          ),
          "404": errorResponse("Unknown document"),
        },
      },
    },
    "/api/documents/{id}/references/{n}": {
      get: {
        summary: "One reference entry, the passages that cite it, and the same paper in other reviews",
        parameters: [idParam, { name: "n", in: "path", required: true, schema: { type: "integer", minimum: 1 }, example: 44 }],
        responses: {
          "200": json(ref("ReferenceDetail"), "The entry"),
          "400": errorResponse("n is not a positive integer"),
          "404": errorResponse("Unknown document, or no such reference number"),
        },
      },
    },
    "/api/references": {
      get: {
        summary: "Search the bibliographies by author, title words, journal, year or DOI",
        description: "Every query word must match the entry (author surname, journal, title word, year or entry text).",
        parameters: [
          { name: "q", in: "query", required: true, schema: { type: "string", minLength: 1, maxLength: 500 }, example: "Granja 2022" },
          docsQuery,
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
        ],
        responses: {
          "200": json(
            {
              type: "object",
              properties: {
                results: { type: "array", items: { allOf: [ref("Reference"), { type: "object", properties: { score: { type: "number" } } }] } },
              },
            },
            "Matching entries, best first",
          ),
          "400": errorResponse("Missing or invalid parameter"),
          "404": errorResponse("Unknown document in `docs`"),
        },
      },
    },
    "/api/openapi.json": {
      get: { summary: "This document", responses: { "200": json({ type: "object" }, "OpenAPI 3.1") } },
    },
    "/api/admin/ingest": {
      post: {
        summary: "Add a review (multipart field `file`: .pdf, .txt, .md) or re-scan the corpus ({\"rescan\": true})",
        description: "Needs `Authorization: Bearer $ADMIN_TOKEN`; disabled without ADMIN_TOKEN. Answers once the new index is served.",
        security: [{ adminToken: [] }],
        requestBody: {
          content: {
            "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" }, force: { type: "string" } } } },
            "application/json": { schema: { type: "object", required: ["rescan"], properties: { rescan: { const: true }, force: { type: "boolean" } } } },
          },
        },
        responses: {
          "200": json(
            {
              type: "object",
              properties: {
                status: { enum: ["built", "unchanged"] },
                build: { type: "string" },
                documents: { type: "integer" },
                chunks: { type: "integer" },
                skipped: {
                  type: "array",
                  description: "corpus files that could not be read (encrypted, no text layer, damaged …), with the reason",
                  items: { type: "object", properties: { file: { type: "string" }, reason: { type: "string" } } },
                },
                warnings: {
                  type: "array",
                  description: "documents indexed with no reference list, no in-text citations or under 90% of citations resolving",
                  items: {
                    type: "object",
                    properties: { file: { type: "string" }, docId: { type: "string" }, warnings: { type: "array", items: { type: "string" } } },
                  },
                },
                file: { type: "object", properties: { name: { type: "string" }, replaced: { type: "boolean" } } },
                durationMs: { type: "integer" },
              },
            },
            "The ingest result",
          ),
          "422": errorResponse("The uploaded file cannot be read, or no corpus file could be read (the live index is unchanged)"),
          "400": errorResponse("Invalid upload or body"),
          "401": errorResponse("No bearer token"),
          "403": errorResponse("Wrong token, or admin ingest disabled"),
          "409": errorResponse("An ingest is already running"),
          "413": errorResponse("Upload too large"),
          "415": errorResponse("Neither multipart nor JSON"),
          "500": errorResponse("The ingest process crashed or hung (`ingest_failed`); a new one was started and the index published before still serves"),
        },
      },
    },
    "/healthz": {
      get: {
        summary: "Liveness and index status",
        responses: {
          "200": json(
            {
              type: "object",
              properties: {
                status: { const: "ok" },
                documents: { type: "integer" },
                chunks: { type: "integer" },
                embedder: { type: "string" },
                ingest: {
                  type: "object",
                  description: "The running ingest, and the served documents still waiting for vectors (searchable by BM25 meanwhile)",
                  properties: {
                    running: { type: "boolean" },
                    notReady: { type: "array", items: { allOf: [{ type: "object", properties: { docId: { type: "string" } } }, ref("DocumentStatus")] } },
                  },
                },
              },
            },
            "Serving",
          ),
          "503": json({ type: "object", properties: { status: { const: "loading" } } }, "The index is not loaded yet"),
        },
      },
    },
    "/metrics": {
      get: { summary: "Prometheus metrics", responses: { "200": { description: "Prometheus text format", content: { "text/plain": { schema: { type: "string" } } } } } },
    },
    "/": { get: { summary: "Demo page with the embeddable widget snippet", responses: { "200": { description: "HTML" } } } },
    "/chat": { get: { summary: "Full-page chat", responses: { "200": { description: "HTML" } } } },
    "/docs/{id}": {
      get: {
        summary: "Source viewer for one review",
        parameters: [idParam],
        responses: { "200": { description: "HTML" }, "404": errorResponse("Unknown document") },
      },
    },
    "/widget.js": {
      get: {
        summary: "The embeddable chat widget (ES module bundle)",
        responses: { "200": { description: "JavaScript", content: { "application/javascript": { schema: { type: "string" } } } } },
      },
      options: { summary: "CORS preflight for the widget bundle", responses: { "204": { description: "Allowed" } } },
    },
  },
  components: {
    securitySchemes: { adminToken: { type: "http", scheme: "bearer" } },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: { code: { type: "string", examples: ["bad_request", "bad_json", "not_found", "payload_too_large"] }, message: { type: "string" } },
          },
        },
      },
      AskRequest: {
        type: "object",
        required: ["question"],
        properties: {
          question: { type: "string", minLength: 1, maxLength: MAX_QUESTION_CHARS },
          history: {
            type: "array",
            maxItems: MAX_HISTORY_TURNS,
            description: "Earlier turns, oldest first",
            items: {
              type: "object",
              required: ["role", "content"],
              properties: { role: { enum: ["user", "assistant"] }, content: { type: "string", maxLength: MAX_TURN_CHARS } },
            },
          },
          docs: { type: "array", items: { type: "string" }, description: "Restrict to these document ids" },
          k: { type: "integer", minimum: 1, maximum: 20, default: 6, description: "Passages to retrieve as sources" },
        },
      },
      AskResponse: {
        type: "object",
        required: ["answer", "refused", "mode", "sources", "references"],
        properties: {
          answer: { type: "string", description: "Inline [n] markers point into `sources`" },
          refused: { type: "boolean", description: "True when the reviews hold no supporting evidence; `sources` are then the closest passages" },
          reason: ref("AnswerReason"),
          mode: { enum: ["extractive", "llm"], description: "Who wrote the answer: `llm` only when the model's text is returned" },
          sources: { type: "array", items: ref("Source") },
          references: { type: "array", items: ref("Reference"), description: "Exactly the review references behind the cited sentences" },
          match: {
            type: "object",
            description: "Claim lookups (\"which references support the claim that …\"): how closely the quoted sentence matches the claim",
            required: ["strength", "score"],
            properties: { strength: { enum: ["strong", "partial"] }, score: { type: "number", minimum: 0, maximum: 1, description: "Alignment: words both ways and embedding similarity" } },
          },
          warnings: { type: "array", items: { type: "string" } },
        },
      },
      AnswerReason: {
        type: "object",
        description: "Present when `refused`: why the question was declined",
        required: ["code", "message"],
        properties: {
          code: {
            enum: ["not_covered", "value_not_reported"],
            description:
              "`not_covered`: the reviews hold no supporting evidence. `value_not_reported`: they discuss `entity` but print no value of kind `valueKind`; `sources` are the passages about it",
          },
          message: { type: "string", examples: ["The reviews discuss palbociclib but do not report its hazard ratio."] },
          entity: { type: "string", description: "What the question asks about, as it names it (value_not_reported only)" },
          valueKind: { enum: [...VALUE_KINDS], description: "The kind of value asked for (value_not_reported only)" },
        },
      },
      Source: {
        type: "object",
        properties: { n: { type: "integer" }, ...passageProperties, docTitle: { type: "string" } },
      },
      Reference: {
        type: "object",
        properties: {
          docId: { type: "string" },
          n: { type: "integer", description: "The number the review prints; in an author–year paper, the entry's position in its list" },
          label: { ...nullable("string"), description: "How an author–year paper cites the entry, e.g. \"Smith et al., 2020a\"; null in numbered papers" },
          text: { type: "string" },
          authors: { type: "array", items: { type: "string" } },
          title: nullable("string"),
          journal: nullable("string"),
          year: nullable("integer"),
          doi: nullable("string"),
          url: nullable("string"),
        },
      },
      SearchResult: {
        type: "object",
        properties: { ...passageProperties, rank: { type: "integer" } },
      },
      DocumentSummary: {
        type: "object",
        properties: {
          id: { type: "string" },
          title: { type: "string" },
          authors: { type: "array", items: { type: "string" } },
          journal: nullable("string"),
          year: nullable("integer"),
          volume: nullable("string"),
          doi: nullable("string"),
          url: nullable("string"),
          file: { type: "string" },
          counts: {
            type: "object",
            properties: {
              chunks: { type: "integer" },
              references: { type: "integer" },
              citations: { type: "integer" },
              citationsResolved: { type: "integer" },
              citationsResolvedRatio: { ...nullable("number"), description: "null when no citation marker was found" },
              missingReferenceNumbers: { type: "array", items: { type: "integer" } },
            },
          },
          quality: ref("DocumentQuality"),
          status: ref("DocumentStatus"),
        },
      },
      DocumentStatus: {
        type: "object",
        description: "Ingest progress: parsed (searchable by BM25; vectors pending), embedding (vectors being made), ready (hybrid search)",
        properties: {
          state: { enum: ["parsing", "parsed", "embedding", "ready", "failed"] },
          label: { type: "string", description: 'e.g. "embedding 40 %"' },
          vectors: { ...nullable("object"), properties: { done: { type: "integer" }, total: { type: "integer" } } },
        },
      },
      DocumentQuality: {
        type: "object",
        description: "How well the document was read: what style was detected, how much of the list and the citations was read, how much extracted text was kept",
        properties: {
          citationStyle: { enum: ["parenthetical", "bracket", "superscript", "author-year", "none"], description: "none when no marker was found" },
          referenceStyle: { enum: ["numbered", "author-year", "none"] },
          references: {
            type: "object",
            properties: {
              parsed: { type: "integer" },
              span: { type: "integer", description: "numbered lists: the highest number; author-year lists: the entries parsed" },
              missing: { type: "integer", description: "numbers between 1 and span with no entry" },
            },
          },
          citations: {
            type: "object",
            properties: {
              found: { type: "integer" },
              resolved: { type: "integer" },
              resolvedRatio: { ...nullable("number"), description: "null when none was found" },
            },
          },
          citingSentenceShare: { ...nullable("number"), description: "share of body sentences that cite an entry" },
          text: {
            type: "object",
            properties: {
              extractedChars: { type: "integer" },
              keptChars: { type: "integer" },
              keptRatio: nullable("number"),
            },
          },
          warnings: {
            type: "array",
            items: { type: "string" },
            description: "no reference list, no in-text citations, under 90% of citations resolving, reference numbers without an entry",
          },
        },
      },
      DocumentDetail: {
        allOf: [
          ref("DocumentSummary"),
          {
            type: "object",
            properties: {
              citationStats: {
                type: "object",
                properties: { markers: { type: "integer" }, resolved: { type: "integer" }, resolvedRatio: nullable("number") },
              },
              sections: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    id: { type: "string" },
                    number: { type: "string" },
                    title: { type: "string" },
                    level: { type: "integer" },
                    parentId: nullable("string"),
                    chunks: { type: "integer" },
                  },
                },
              },
            },
          },
        ],
      },
      ReferenceDetail: {
        type: "object",
        properties: {
          docId: { type: "string" },
          n: { type: "integer" },
          entry: ref("Reference"),
          citedBy: {
            type: "array",
            items: {
              type: "object",
              properties: {
                chunkId: { type: "string" },
                section: { type: "string" },
                kind: CHUNK_KIND,
                sentences: { type: "array", items: { type: "string" } },
              },
            },
          },
          sameElsewhere: { type: "array", items: ref("Reference") },
        },
      },
    },
  },
} as const;
