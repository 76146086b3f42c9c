// The manifest's JSON Schema, as committed in packages/manifest: a manifest naming this URL in
// "$schema" is completed and checked by VS Code and other editors, no plugin needed.
import schema from '@dramac/manifest/dramac.module.schema.json';

const body = `${JSON.stringify(schema, null, 2)}\n`;

export function GET() {
  return new Response(body, {
    headers: {
      'content-type': 'application/schema+json; charset=utf-8',
      'cache-control': 'public, max-age=3600',
      // editors and online validators fetch it from anywhere
      'access-control-allow-origin': '*',
    },
  });
}
