-- The shared store: the corpus itself (uploaded bytes included), every published build and the
-- pointer to the active one. Builds are immutable once written; publishing one is a single
-- transaction that ends by moving `active_build`, so readers see the old build or the new, never a mix.

CREATE TABLE corpus_files (
  name       text PRIMARY KEY,
  sha256     text NOT NULL,
  content    bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE builds (
  id          bigserial PRIMARY KEY,
  created_at  timestamptz NOT NULL DEFAULT now(),
  corpus_hash text NOT NULL,
  embedder    text NOT NULL,
  dimensions  integer NOT NULL,
  manifest    jsonb NOT NULL
);

-- One row: the build every instance serves.
CREATE TABLE active_build (
  singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  build_id     bigint NOT NULL REFERENCES builds (id),
  published_at timestamptz NOT NULL DEFAULT now()
);

-- A parsed document without its chunks and references (they have tables of their own).
CREATE TABLE documents (
  build_id bigint NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
  position integer NOT NULL,
  doc_id   text NOT NULL,
  body     jsonb NOT NULL,
  PRIMARY KEY (build_id, position)
);

CREATE TABLE reference_entries (
  build_id bigint NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
  doc_id   text NOT NULL,
  position integer NOT NULL,
  n        integer NOT NULL,
  body     jsonb NOT NULL,
  PRIMARY KEY (build_id, doc_id, position)
);

CREATE TABLE chunks (
  build_id bigint NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
  position integer NOT NULL,
  chunk_id text NOT NULL,
  doc_id   text NOT NULL,
  body     jsonb NOT NULL,
  PRIMARY KEY (build_id, position)
);

CREATE TABLE cross_review_links (
  build_id  bigint NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
  position  integer NOT NULL,
  paper_key text NOT NULL,
  body      jsonb NOT NULL,
  PRIMARY KEY (build_id, position)
);

-- One vector per sentence window (or per chunk); `label` is its label in the build's HNSW graph.
CREATE TABLE window_vectors (
  build_id       bigint NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
  label          integer NOT NULL,
  chunk_position integer NOT NULL,
  doc_id         text NOT NULL,
  window_index   integer NOT NULL,
  embedding      real[] NOT NULL,
  PRIMARY KEY (build_id, label)
);

-- The build's HNSW graph as saved by hnswlib, so an instance without pgvector loads it as is
-- instead of rebuilding the graph from `window_vectors`.
CREATE TABLE build_files (
  build_id bigint NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
  name     text NOT NULL,
  content  bytea NOT NULL,
  PRIMARY KEY (build_id, name)
);
