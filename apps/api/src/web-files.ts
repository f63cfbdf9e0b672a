// The built SPA (apps/web/dist), served by the api in production so that pages, /trpc and the session cookie share
// one origin (no CORS, SameSite=Lax just works). Vite names every file under assets/ by its content hash, so
// those are cached for a year; index.html and the rest are revalidated each time so a deploy shows at once.
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  // Stripe's card fields are Stripe's frames inside our pages; nothing needs to frame ours.
  "x-frame-options": "DENY",
};

export interface WebFiles {
  /** Answers a GET or HEAD for anything but the api's own paths; false for other methods. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
}

/** The file under `root` a URL path names, or null for a path that tries to leave it or names a dotfile. */
function fileFor(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  if (decoded.split("/").some((segment) => segment.startsWith("."))) return null;
  const file = resolve(root, `.${decoded}`);
  return file === root || file.startsWith(`${root}${sep}`) ? file : null;
}

async function regularFile(root: string, file: string) {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  // A symlink inside the build that points elsewhere is refused like ../ would be.
  const real = await realpath(file);
  return real.startsWith(`${root}${sep}`) ? { path: real, info } : null;
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...SECURITY_HEADERS });
  res.end("Not found");
}

async function send(
  req: IncomingMessage,
  res: ServerResponse,
  file: { path: string; info: { size: number; mtimeMs: number } },
  cacheControl: string,
) {
  const etag = `"${file.info.size.toString(36)}-${Math.floor(file.info.mtimeMs).toString(36)}"`;
  const headers = {
    "content-type": TYPES[extname(file.path)] ?? "application/octet-stream",
    "cache-control": cacheControl,
    etag,
    ...SECURITY_HEADERS,
  };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, "content-length": String(file.info.size) });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(file.path)
    .on("error", () => res.destroy())
    .pipe(res);
}

export async function createWebFiles(dir: string): Promise<WebFiles> {
  const root = await realpath(resolve(dir)).catch(() => {
    throw new Error(`(${resolve(dir)}) does not exist: run npm run build first`);
  });
  const index = await regularFile(root, resolve(root, "index.html"));
  if (!index) throw new Error(`(${root}) has no index.html: run npm run build first`);

  async function answer(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const file = fileFor(root, pathname);
    const found = file === null ? null : await regularFile(root, file);
    if (found) return send(req, res, found, pathname.startsWith("/assets/") ? IMMUTABLE : REVALIDATE);
    // A missing script or image is a 404, not the page: a stale tab asking for an old chunk then fails cleanly
    // instead of parsing HTML as JavaScript. Everything else is a route of the SPA.
    if (file === null || pathname.startsWith("/assets/") || extname(pathname) !== "") return notFound(res);
    const page = await regularFile(root, resolve(root, "index.html"));
    return page ? send(req, res, page, REVALIDATE) : notFound(res);
  }

  return {
    serve(req, res, pathname) {
      if (req.method !== "GET" && req.method !== "HEAD") return false;
      answer(req, res, pathname).catch(() => res.destroy());
      return true;
    },
  };
}
