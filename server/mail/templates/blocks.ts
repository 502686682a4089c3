// An e-mail is a subject and a few blocks (paragraphs, a table of facts, links, a preformatted
// text, a list); render() turns the same blocks into the plain-text part and a simple HTML part,
// so the two never say different things. The HTML has no remote images, scripts or styles
// sheets: inline styles only, everything escaped.
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'facts'; rows: [label: string, value: string][] }
  | { kind: 'link'; label: string; url: string }
  | { kind: 'pre'; title: string; text: string }
  | { kind: 'list'; title: string; items: string[] };

export interface MailContent {
  subject: string;
  /** Opening line ("Hello Anna,"). */
  greeting: string;
  blocks: Block[];
  /** Who signs it (the studio's name, or Proofdesk). */
  signature: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function textOf(block: Block): string {
  switch (block.kind) {
    case 'p':
      return block.text;
    case 'facts': {
      const width = Math.max(...block.rows.map(([label]) => label.length));
      return block.rows.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`).join('\n');
    }
    case 'link':
      return `${block.label}:\n${block.url}`;
    case 'pre':
      return `${block.title}\n${block.text
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n')}`;
    case 'list':
      return `${block.title}\n${block.items.map((item) => `- ${item}`).join('\n')}`;
  }
}

const P = 'margin:0 0 16px;line-height:1.5';

function htmlOf(block: Block): string {
  switch (block.kind) {
    case 'p':
      return `<p style="${P}">${escapeHtml(block.text)}</p>`;
    case 'facts':
      return `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">${block.rows
        .map(
          ([label, value]) =>
            `<tr><th scope="row" style="text-align:left;padding:2px 16px 2px 0;font-weight:normal;color:#555">${escapeHtml(label)}</th><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
        )
        .join('')}</table>`;
    case 'link':
      return `<p style="${P}">${escapeHtml(block.label)}: <a href="${escapeHtml(block.url)}">${escapeHtml(block.url)}</a></p>`;
    case 'pre':
      return `<p style="margin:0 0 4px;font-weight:bold">${escapeHtml(block.title)}</p><pre style="margin:0 0 16px;padding:12px;background:#f4f1ec;white-space:pre-wrap;font-family:inherit">${escapeHtml(block.text)}</pre>`;
    case 'list':
      return `<p style="margin:0 0 4px;font-weight:bold">${escapeHtml(block.title)}</p><ul style="margin:0 0 16px">${block.items
        .map((item) => `<li>${escapeHtml(item)}</li>`)
        .join('')}</ul>`;
  }
}

export function render(content: MailContent, language: string): RenderedMail {
  const text = [content.greeting, ...content.blocks.map(textOf), content.signature].join('\n\n');
  const html = [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#ffffff;color:#1d1b18;font-family:Georgia,serif;font-size:16px">',
    '<div style="max-width:560px;margin:0 auto">',
    `<p style="${P}">${escapeHtml(content.greeting)}</p>`,
    ...content.blocks.map(htmlOf),
    `<p style="${P}">${escapeHtml(content.signature)}</p>`,
    '</div></body></html>',
  ].join('\n');
  return { subject: content.subject, text: `${text}\n`, html };
}
