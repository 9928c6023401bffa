// YAML front matter ("---\ntitle: …\nauthors: …\ndoi: …\n---" at the top of a .md or .txt file,
// as Pandoc, Jekyll, Hugo and Quarto write it) → metadata that wins over what the text suggests.
// Only the flat subset papers use is read: scalars, [inline, lists] and "- item" block lists.
import { findDoi } from "./parse-metadata.ts";
import type { FrontMatterMeta } from "./parse-metadata.ts";

export interface YamlFrontMatter {
  meta: Partial<FrontMatterMeta>;
  /** The text after the closing fence (the whole text when there is no front matter). */
  body: string;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^"(.*)"$|^'(.*)'$/s.exec(trimmed);
  return (quoted ? (quoted[1] ?? quoted[2] ?? "") : trimmed).trim();
}

/** key → raw values (one for a scalar, several for a list). Nested mappings are skipped. */
function readPairs(yaml: string): Map<string, string[]> {
  const pairs = new Map<string, string[]>();
  let listKey: string | null = null;
  let foldedKey: string | null = null;
  for (const line of yaml.split(/\r?\n/)) {
    if (foldedKey && /^\s+\S/.test(line)) {
      // The indented lines of a folded (">") or literal ("|") scalar, read as one line.
      const values = pairs.get(foldedKey)!;
      values[0] = `${values[0] ?? ""} ${line.trim()}`.trim();
      continue;
    }
    foldedKey = null;
    const item = /^\s+-\s+(.*)$|^-\s+(.*)$/.exec(line);
    if (item && listKey) {
      // "- name: Ada Lovelace" (Pandoc/Quarto author objects) or "- Ada Lovelace".
      const value = item[1] ?? item[2] ?? "";
      const named = /^name:\s*(.*)$/.exec(value.trim());
      pairs.get(listKey)!.push(unquote(named ? named[1]! : value));
      continue;
    }
    const pair = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (!pair) continue;
    const key = pair[1]!.toLowerCase();
    const value = pair[2]!.trim();
    listKey = null;
    if (value === "") {
      listKey = key;
      pairs.set(key, []);
    } else if (/^[>|][+-]?$/.test(value)) {
      foldedKey = key;
      pairs.set(key, []);
    } else if (/^\[.*\]$/.test(value)) {
      pairs.set(key, value.slice(1, -1).split(",").map(unquote).filter(Boolean));
    } else {
      pairs.set(key, [unquote(value)]);
    }
  }
  return pairs;
}

/** "Ada Lovelace, Charles Babbage and Mary Somerville" → three names. */
function splitAuthors(values: string[]): string[] {
  if (values.length !== 1) return values.filter(Boolean);
  return values[0]!
    .split(/\s*;\s*|\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
}

export function readYamlFrontMatter(text: string): YamlFrontMatter {
  const fence = FENCE.exec(text.replace(/^\uFEFF/, ""));
  if (!fence) return { meta: {}, body: text };
  const pairs = readPairs(fence[1]!);
  // Not front matter unless it names at least one bibliographic field (a leading "---" is also a rule).
  const first = (...keys: string[]) => keys.map((key) => pairs.get(key)?.[0]).find((value) => value);
  const meta: Partial<FrontMatterMeta> = {};
  const title = first("title");
  if (title) meta.title = title;
  const authorKey = ["authors", "author", "creator"].find((key) => pairs.get(key)?.length);
  if (authorKey) meta.authors = splitAuthors(pairs.get(authorKey)!);
  const journal = first("journal", "container-title", "journal-title", "publication", "venue");
  if (journal) meta.journal = journal;
  const year = /\b((?:19|20)\d{2})\b/.exec(first("year", "date", "published", "issued") ?? "");
  if (year) meta.year = Number(year[1]);
  const volume = first("volume");
  if (volume) meta.volume = volume;
  const doi = findDoi(first("doi") ?? "");
  if (doi) meta.doi = doi;
  const url = first("url");
  if (url) meta.url = url;
  if (!Object.keys(meta).length) return { meta: {}, body: text };
  return { meta, body: text.replace(/^\uFEFF/, "").slice(fence[0].length) };
}
