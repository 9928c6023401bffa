// A second local origin standing in for a site that embeds the widget, with CSS hostile enough to
// show that the widget's shadow root shields it.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface HostSite {
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** Serve `render(url)` as the HTML of every page of the site. */
export async function startHostSite(render: (url: URL) => string): Promise<HostSite> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://host.invalid");
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).end(render(url));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A blog page embedding the widget with the one-line snippet; `attributes` become data-* on the tag. */
export function blogPage(widgetSrc: string, attributes: Record<string, string> = {}): string {
  const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const data = Object.entries(attributes)
    .map(([name, value]) => ` data-${name}="${escape(value)}"`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Oncology notes</title>
<style>
  /* Hostile host styles: the widget must look the same regardless. */
  body { font: 18px/1.7 Georgia, serif; background: #fbfaf4; margin: 0 auto; max-width: 680px; padding: 24px; }
  button { background: red !important; font-size: 30px !important; }
  * { letter-spacing: 2px; }
  div, section, p { border: 2px dashed magenta; }
</style></head>
<body><h1>Oncology notes</h1>
<p>A blog post about breast cancer treatment. <a href="#top">A link for keyboard users to pass.</a></p>
<script src="${escape(widgetSrc)}"${data} defer></script>
</body></html>`;
}
