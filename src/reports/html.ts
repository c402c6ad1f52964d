// html.ts: the few pieces every published page needs: escaping (requester text and officers' words end up
// in it), a table with a caption and scoped headers, and a page shell a council can publish as it is.

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export interface TableSpec {
  caption: string;
  /** Column headings; the first column of each row is a row heading (`<th scope="row">`). */
  head: readonly string[];
  rows: ReadonlyArray<readonly (string | number | null)[]>;
  /** A class for the table, e.g. to number-align. */
  id?: string;
}

const cell = (value: string | number | null): string => (value === null ? '–' : typeof value === 'number' ? String(value) : value);

export function renderTable(spec: TableSpec): string {
  const head = spec.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = spec.rows.map((row) => {
    const [first, ...rest] = row;
    return `<tr><th scope="row">${escapeHtml(cell(first ?? null))}</th>${rest.map((v) => `<td>${escapeHtml(cell(v))}</td>`).join('')}</tr>`;
  }).join('\n');
  return `<table${spec.id ? ` id="${escapeHtml(spec.id)}"` : ''}>\n<caption>${escapeHtml(spec.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

// Print-friendly, high-contrast styles; no external assets, no script.
const STYLE = `body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;background:#fff;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.4}
h1,h2,h3{line-height:1.2}table{border-collapse:collapse;margin:0 0 1.5rem;width:100%}caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #505a5f;padding:.3rem .5rem;text-align:left;vertical-align:top}td{font-variant-numeric:tabular-nums}
figure{margin:0 0 2rem}svg{max-width:100%;height:auto}a{color:#1d4f91}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
.note{color:#383f43}`;

export function renderPage(options: { title: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${options.body}
</main>
</body>
</html>
`;
}
