// The positioned glyph runs the layout reader works on, in page coordinates (origin bottom left).

export interface TextItem {
  str: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  /** Font size from the text matrix (the glyphs' em height on the page). */
  size: number;
  /** Advance width on the page. */
  width: number;
  /** pdf.js's per-document font id: equal ids mean the same font. */
  font: string;
  /** Set when the item is raised (superscript) or lowered (subscript) against its line. */
  script?: "sup" | "sub";
}

export interface PageText {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  /** Upright items; rotated and vertical text is dropped when reading (margin stamps, rotated tables). */
  items: TextItem[];
  /** Characters of rotated or vertical text dropped on this page. */
  rotatedChars: number;
}
