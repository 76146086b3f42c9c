// App logos are small raster images uploaded with the app and served from our own origin. The
// type comes from the bytes, never from what the uploader claims, and SVG (which can carry
// script) is not accepted.
import { z } from 'zod';

const MAX_LOGO_BYTES = 64 * 1024;

const signatures: { type: string; matches: (b: Buffer) => boolean }[] = [
  { type: 'image/png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/webp',
    matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

/** A base64 upload, checked and decoded: `{ bytes, type }`. */
export const logoUpload = z
  .string()
  .max(Math.ceil(MAX_LOGO_BYTES / 3) * 4 + 4, 'Use an image of at most 64 KB')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Upload the image as base64')
  .transform((base64, ctx) => {
    const bytes = Buffer.from(base64, 'base64');
    const type = signatures.find((s) => s.matches(bytes))?.type;
    if (bytes.byteLength > MAX_LOGO_BYTES) ctx.addIssue({ code: 'custom', message: 'Use an image of at most 64 KB' });
    else if (!type) ctx.addIssue({ code: 'custom', message: 'Use a PNG, JPEG or WebP image' });
    else return { bytes: new Uint8Array(bytes), type };
    return z.NEVER;
  });

/** Where the dashboard and the consent screen load an app's logo; changes when the app does. */
export const logoPath = (app: { clientId: string; logoType: string | null; updatedAt: Date }) =>
  app.logoType ? `/oauth/apps/${app.clientId}/logo?v=${app.updatedAt.getTime().toString(36)}` : null;
