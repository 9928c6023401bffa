// Domain types, defined once and imported everywhere.

/** One entry of a review's own numbered reference list. */
export interface ReferenceEntry {
  /** The number the review prints for this entry; never renumbered. */
  n: number;
  /** The entry as printed (cleaned of markdown emphasis). */
  text: string;
  /** Author names as printed, e.g. "Aly S" or "D. N. Kumar". */
  authors: string[];
  title?: string;
  journal?: string;
  year?: number;
  volume?: string;
  pages?: string;
  /** Lowercase DOI without prefix, e.g. "10.1016/j.ijpharm.2023.123163". */
  doi?: string;
  /** https://doi.org/<doi> when a DOI is known. */
  url?: string;
  /** PubMed id when the entry prints one. */
  pmid?: string;
  /**
   * How the paper's text cites this entry, for author–year papers ("Smith et al., 2020a");
   * absent in numbered papers, where the label is the number itself.
   */
  label?: string;
  /** Cross-review identity of the cited paper (DOI, else author+year+journal+volume). */
  paperKey: string;
}

export interface DocumentMeta {
  /** `<first author's surname><year>`, lowercase ASCII, suffixed a/b on clashes. */
  id: string;
  /** File name inside the corpus folder. */
  file: string;
  title: string;
  authors: string[];
  journal?: string;
  year?: number;
  volume?: string;
  doi?: string;
  url?: string;
}

export interface Section {
  id: string;
  /** Printed number, e.g. "3.2"; empty for unnumbered parts (abstract, preamble). */
  number: string;
  title: string;
  /** 1 for "3", 2 for "3.2", … */
  level: number;
  /** id of the enclosing section, if any. */
  parentId?: string;
  /** Offsets into the clean text. */
  start: number;
  end: number;
}

export type ChunkKind = "text" | "table" | "caption";

export interface Sentence {
  text: string;
  /** Reference numbers this sentence cites, ascending, each present in the list. */
  refs: number[];
  /** Offsets into the clean text (for tables: of the row the sentence stands for). */
  start: number;
  end: number;
}

export interface Chunk {
  /** Stable id: `<docId>:<ordinal>`, e.g. "guan2024:0042". */
  id: string;
  docId: string;
  /** Heading of the section it belongs to, e.g. "3.2 Liposomes". */
  section: string;
  sectionId: string;
  kind: ChunkKind;
  /** Text to show and to index (tables: caption + header + rows). */
  text: string;
  sentences: Sentence[];
  /** Union of the sentences' refs, ascending. */
  refs: number[];
  /** Offsets into the clean text. */
  start: number;
  end: number;
}

/** How a paper marks citations in its text. "none": no markers were found. */
export type CitationStyle = "parenthetical" | "bracket" | "superscript" | "author-year" | "none";

/** How a paper's reference list is organised. "none": no list was found. */
export type ReferenceListStyle = "numbered" | "author-year" | "none";

/**
 * What the parser could and could not read in one document, so nobody mistakes an empty
 * result for a clean one. Ratios are null when there was nothing to divide by.
 */
export interface DocumentQuality {
  citationStyle: CitationStyle;
  referenceStyle: ReferenceListStyle;
  references: {
    parsed: number;
    /** Numbered lists: the highest printed number; author–year lists: the entries parsed. */
    span: number;
    /** Numbers between 1 and span with no entry. */
    missing: number;
  };
  citations: {
    /** In-text markers (each cited number or author–year key counts once per marker). */
    found: number;
    /** Of those, the ones that point at an entry of the list. */
    resolved: number;
    resolvedRatio: number | null;
  };
  /** Share of body sentences that cite at least one entry. */
  citingSentenceShare: number | null;
  text: {
    /** Characters the loader extracted (PDF text layer, or the file's text). */
    extractedChars: number;
    /** Characters of that which made it into the clean text. */
    keptChars: number;
    keptRatio: number | null;
  };
  /** Human-readable problems ("no reference list found", "62% of citations resolve"). */
  warnings: string[];
}

export interface CitationStats {
  /** Body citation markers found (each number counts once per marker). */
  markers: number;
  /** Of those, numbers that point at an existing entry. */
  resolved: number;
  /** resolved / markers; null when there are none (nothing found is not "100% resolve"). */
  resolvedRatio: number | null;
}

export interface ParsedDocument {
  meta: DocumentMeta;
  /**
   * The front matter the clean text leaves out, one printed line per line: publisher panels (editors,
   * correspondence, received/accepted/published dates, citation), the author line, affiliations and
   * correspondence footnotes (src/ingest/front-matter-passage.ts). Absent when the document prints none.
   */
  frontMatter?: string;
  /** The clean text all offsets point into. */
  text: string;
  sections: Section[];
  references: ReferenceEntry[];
  /** Numbers absent from the list between 1 and its highest entry. */
  missingReferenceNumbers: number[];
  citationStats: CitationStats;
  quality: DocumentQuality;
  chunks: Chunk[];
}

/** The same primary paper cited by more than one review. */
export interface CrossReviewLink {
  paperKey: string;
  citedBy: { docId: string; n: number }[];
}

/** A retrieval hit. */
export interface SearchResult {
  id: string;
  docId: string;
  section: string;
  kind: ChunkKind;
  text: string;
  refs: number[];
  score: number;
  rank: number;
}
