import MarkdownIt from 'markdown-it';

// html: false: raw HTML in the markdown is escaped, never passed through; markdown-it also refuses
// javascript:, vbscript: and file: links.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const renderMarkdown = (body: string) => markdown.render(body);

export type RenderedBroadcast = { html: string; text: string };

const footer = {
  en: { text: 'Unsubscribe with one click', why: 'You receive this because you subscribed to {workspace}.' },
  de: { text: 'Mit einem Klick abmelden', why: 'Du bekommst diese E-Mail, weil du {workspace} abonniert hast.' },
} as const;

// No inline styles: mail clients show plain HTML well, and the web app's preview frame (under the
// app's CSP) shows it exactly as sent.
// The two parts of a broadcast email: HTML from the markdown, and the markdown itself as the
// text part (it reads well as it is), each with the unsubscribe link at the end.
// bodyHtml: the markdown rendered once for a whole send (renderMarkdown), instead of once per recipient.
export function renderBroadcast(input: { subject: string; body: string; bodyHtml?: string; workspace: string; unsubscribeUrl: string; locale?: 'en' | 'de' }): RenderedBroadcast {
  const words = footer[input.locale ?? 'en'];
  const why = words.why.replace('{workspace}', input.workspace);
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(input.subject)}</title></head>
<body>
${input.bodyHtml ?? renderMarkdown(input.body)}
<hr>
<p><small>${escape(why)} <a href="${escape(input.unsubscribeUrl)}">${escape(words.text)}</a></small></p>
</body></html>
`;
  const text = `${input.body.trim()}\n\n-- \n${why}\n${words.text}: ${input.unsubscribeUrl}\n`;
  return { html, text };
}
