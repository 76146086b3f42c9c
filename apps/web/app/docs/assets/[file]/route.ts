// Swagger UI's files, served from the installed package (no CDN).
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const files: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const type = Object.hasOwn(files, file) ? files[file] : undefined;
  if (!type) return new Response('Not found', { status: 404 });
  const dir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  return new Response(await fs.readFile(path.join(dir, file)), {
    headers: { 'content-type': type, 'cache-control': 'public, max-age=86400' },
  });
}
