/** The branded frame every email uses: the tenant's name and footer, plain and accessible. */
export interface MailBrand {
  name: string;
  footerText: string | null;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderMail(
  brand: MailBrand,
  body: { heading: string; paragraphs: string[]; action?: { label: string; url: string } },
) {
  const text = [
    body.heading,
    "",
    ...body.paragraphs,
    ...(body.action ? ["", `${body.action.label}: ${body.action.url}`] : []),
    "",
    "—",
    brand.footerText ?? brand.name,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111;max-width:560px;margin:auto">
<h2 style="margin-bottom:4px">${escapeHtml(brand.name)}</h2>
<h3>${escapeHtml(body.heading)}</h3>
${body.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${body.action ? `<p><a href="${escapeHtml(body.action.url)}" style="background:#111;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(body.action.label)}</a></p><p style="font-size:12px;color:#555">${escapeHtml(body.action.url)}</p>` : ""}
<hr><p style="font-size:12px;color:#555">${escapeHtml(brand.footerText ?? brand.name)}</p>
</body></html>`;
  return { text, html };
}
