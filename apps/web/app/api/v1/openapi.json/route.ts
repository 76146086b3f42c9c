import { openApiDocument } from '@dramac/api/http';

export function GET(req: Request) {
  return Response.json(openApiDocument(new URL(req.url).origin));
}
