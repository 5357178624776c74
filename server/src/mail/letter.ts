// One shape for every mail Jalon writes, rendered twice: plain text and HTML. Every word comes in
// as text and is escaped here, so nothing a user typed (a meeting's place, a request's message,
// the minutes) can become markup in someone's mail client.

export interface Letter {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** A list under the paragraphs (actions to update, a meeting's details). */
  list?: string[];
  /** A text quoted as is, line breaks kept (a request's message, the minutes). */
  quote?: { label: string; text: string };
  /** The link back to the right screen. */
  button: { label: string; url: string };
  /** Smaller lines under the button (where the mail comes from, how to stop it). */
  footer: string[];
}

const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

const htmlLines = (text: string) => escapeHtml(text).replaceAll(/\r?\n/g, '<br>');

export function letterText(letter: Letter): string {
  const blocks = [letter.greeting, ...letter.paragraphs];
  if (letter.list?.length) blocks.push(letter.list.map((item) => `- ${item}`).join('\n'));
  if (letter.quote) {
    const quoted = letter.quote.text
      .split(/\r?\n/)
      .map((line) => `> ${line}`)
      .join('\n');
    blocks.push(`${letter.quote.label}\n${quoted}`);
  }
  blocks.push(`${letter.button.label}\n${letter.button.url}`, ...letter.footer);
  return `${blocks.join('\n\n')}\n`;
}

export function letterHtml(letter: Letter, lang: string): string {
  const paragraphs = letter.paragraphs.map((p) => `<p>${htmlLines(p)}</p>`).join('\n');
  const list = letter.list?.length
    ? `<ul>\n${letter.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`
    : '';
  const quote = letter.quote
    ? `<p>${escapeHtml(letter.quote.label)}</p>\n<blockquote style="margin:0 0 1em;padding:0.5em 1em;border-left:4px solid #c9d3e6;background:#f5f7fb">${htmlLines(letter.quote.text)}</blockquote>`
    : '';
  const footer = letter.footer
    .map((line) => `<p style="color:#555;font-size:13px">${htmlLines(line)}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(letter.subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1e1e1e;max-width:640px;margin:0 auto;padding:16px">
<p>${escapeHtml(letter.greeting)}</p>
${paragraphs}
${list}
${quote}
<p><a href="${escapeHtml(letter.button.url)}" style="display:inline-block;background:#000091;color:#ffffff;padding:10px 16px;text-decoration:none;border-radius:4px">${escapeHtml(letter.button.label)}</a></p>
<p style="color:#555;font-size:13px">${escapeHtml(letter.button.url)}</p>
${footer}
</body>
</html>
`;
}
