// The REST API reference, rendered by Swagger UI from /api/v1/openapi.json.
const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dramac API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#docs', deepLinking: true });</script>
</body></html>`;

export function GET() {
  return new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
