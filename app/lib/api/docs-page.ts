/**
 * /api/docs: the OpenAPI document as a plain HTML page, rendered here from the document itself: no
 * CDN, no script (nothing for a Content-Security-Policy to allow), one same-origin stylesheet.
 */
type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  minLength?: number;
  maxLength?: number;
};
type Operation = {
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema; description?: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};
type Document = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const refName = (ref: string) => ref.split('/').pop()!;

function typeOf(schema: Schema | undefined): string {
  if (!schema) return '';
  if (schema.$ref) return `<a href="#schema-${esc(refName(schema.$ref))}">${esc(refName(schema.$ref))}</a>`;
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  if (schema.type === 'array') return `array of ${typeOf(schema.items)}`;
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
  const length = schema.minLength !== undefined || schema.maxLength !== undefined ? ` (${schema.minLength ?? 0} to ${schema.maxLength ?? '…'})` : '';
  return esc(type + (schema.format ? `, ${schema.format}` : '') + length);
}

function fields(schema: Schema): string {
  if (!schema.properties) return `<p>${typeOf(schema)}</p>`;
  const rows = Object.entries(schema.properties)
    .map(([name, s]) => `<tr><td><code>${esc(name)}</code>${schema.required?.includes(name) ? ' (required)' : ''}</td><td>${typeOf(s)}</td><td>${esc(s.description)}</td></tr>`)
    .join('');
  return `<table><thead><tr><th>field</th><th>type</th><th>notes</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function operation(path: string, method: string, op: Operation): string {
  const auth = op.security?.length ? Object.keys(op.security[0]).join(', ') : 'none';
  const params = (op.parameters ?? [])
    .map((p) => `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ', required' : ''}): ${typeOf(p.schema)} ${esc(p.description ?? p.schema?.description)}</li>`)
    .join('');
  const body = op.requestBody ? `<h4>Request body (JSON)</h4>${fields(Object.values(op.requestBody.content)[0].schema)}` : '';
  const responses = Object.entries(op.responses)
    .map(([status, r]) => `<li><b>${esc(status)}</b> ${esc(r.description)}${r.content ? `: ${typeOf(Object.values(r.content)[0].schema)}` : ''}</li>`)
    .join('');
  return `<section class="op" id="${esc(method)}-${esc(path)}"><h3><span class="method">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary)}</p><p>Authentication: ${esc(auth)}</p>${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}${body}<h4>Responses</h4><ul>${responses}</ul></section>`;
}

export function renderDocsPage(doc: Document): string {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const toc = ops.map(({ path, method, op }) => `<li><a href="#${esc(method)}-${esc(path)}">${esc(method.toUpperCase())} ${esc(path)}</a>: ${esc(op.summary)}</li>`).join('');
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(([name, s]) => `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3>${s.description ? `<p>${esc(s.description)}</p>` : ''}${fields(s)}</section>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} ${esc(doc.info.version)}</title><link rel="stylesheet" href="/api-docs.css"></head>
<body><main><h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1><p>${esc(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<h2>Operations</h2><ul class="toc">${toc}</ul>${ops.map(({ path, method, op }) => operation(path, method, op)).join('')}
<h2>Schemas</h2>${schemas}</main></body></html>`;
}
