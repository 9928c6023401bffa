// Links built from server or corpus data must never run script: only absolute http(s) URLs pass.

/** `value` as an absolute http(s) URL, or undefined for anything else (javascript:, data:, garbage). */
export function safeHttpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
}

/** The resolver link of a DOI ("10.1016/j.x.2023.1"), or undefined when it does not look like one. */
export function doiUrl(doi: string | null | undefined): string | undefined {
  const trimmed = doi?.trim();
  if (!trimmed || !/^10\.\d{4,9}\/\S+$/.test(trimmed)) return undefined;
  return safeHttpUrl(`https://doi.org/${trimmed.split("/").map(encodeURIComponent).join("/")}`);
}
