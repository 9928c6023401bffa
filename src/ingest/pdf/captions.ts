// Figure and table captions: a block that opens with its label ("Figure 2.", "Fig. 3 |",
// "Table 1", "Scheme 1", "Extended Data Fig. 4") is a float, kept as its own paragraph.
const CAPTION = /^(?:Extended Data |Supplementary )?(?:FIGURE|Figure|FIG\.?|Fig\.?|TABLE|Table|SCHEME|Scheme|BOX|Box)\s*S?\d{1,2}[A-Za-z]?(?:\s*[.:|]|\s+[A-Z(]|\s*$)/;

export function isCaptionStart(text: string): boolean {
  // "Figure 3 shows …" is prose that happens to start a line.
  return CAPTION.test(text) && !/^\S+\s*\d+[A-Za-z]?\s+(?:shows|illustrates|depicts|summari[sz]es|lists|presents|displays)\b/.test(text);
}
