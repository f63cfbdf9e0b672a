// Stripe takes dispute documents (service documentation, receipt, customer communication) only as uploaded files,
// PDF, JPEG or PNG. This writes a plain one-column PDF of text lines, byte for byte the same for the same lines, so
// an upload retried with the same content has the same idempotency key and the same parameters.

const PAGE_LINES = 50;
const WRAP_AT = 95;

/** Long lines wrapped at word boundaries. */
function wrap(line: string): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > WRAP_AT) {
    const cut = rest.lastIndexOf(" ", WRAP_AT);
    const at = cut > 20 ? cut : WRAP_AT;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  out.push(rest);
  return out;
}

/** Text for a PDF string in Helvetica (WinAnsi): Latin-1 as it is, anything else as "?", and ( ) \ escaped. */
function pdfString(text: string): string {
  const latin1 = [...text.replaceAll("—", "-").replaceAll("–", "-").replaceAll("…", "...")]
    .map((c) => ((c.codePointAt(0) ?? 63) > 255 ? "?" : c))
    .join("");
  return `(${latin1.replaceAll("\\", "\\\\").replaceAll("(", "\\(").replaceAll(")", "\\)")})`;
}

function pageContent(title: string | null, lines: readonly string[]): string {
  const ops = ["BT", "/F1 11 Tf", "14 TL", "56 790 Td"];
  if (title !== null) ops.push("/F2 14 Tf", `${pdfString(title)} Tj`, "T*", "/F1 11 Tf", "T*");
  for (const line of lines) ops.push(`${pdfString(line)} Tj`, "T*");
  ops.push("ET");
  return ops.join("\n");
}

/** A PDF of a title and text lines (A4, Helvetica), as bytes. */
export function textPdf(title: string, lines: readonly string[]): Uint8Array {
  const all = lines.flatMap(wrap);
  const pages: string[][] = [];
  for (let i = 0; i < Math.max(all.length, 1); i += PAGE_LINES) pages.push(all.slice(i, i + PAGE_LINES));
  const objects: string[] = [];
  const fonts = "/Font << /F1 5 0 R /F2 6 0 R >>";
  const pageIds = pages.map((_, i) => 7 + i * 2);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Producer (fieldpay) >>";
  objects[4] = `<< ${fonts} >>`;
  objects[5] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  objects[6] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";
  pages.forEach((page, i) => {
    const content = pageContent(i === 0 ? title : null, page);
    objects[7 + i * 2] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 4 0 R /Contents ${8 + i * 2} 0 R >>`;
    objects[8 + i * 2] =
      `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`;
  });
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = Buffer.byteLength(body, "latin1");
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id += 1)
    body += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}
