// Sending a package to `modules.uploadVersion` with progress: the file is read as base64 (with
// FileReader's progress), then posted through a tRPC link of its own whose fetch is an
// XMLHttpRequest (fetch reports no upload progress). The call goes alone, never batched, because
// the server allows a package-sized body only to a request naming just this procedure.
import type { AppRouter } from '@dramac/api';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';

export const MAX_PACKAGE_BYTES = 10 * 1024 * 1024;

/** Rounded up, so a file just over the limit never reads as exactly the limit ("10.0 MB"). */
export function formatBytes(bytes: number): string {
  const tenths = (n: number) => (Math.ceil(n * 10) / 10).toFixed(1);
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${tenths(bytes / 1024)} KB`;
  return `${tenths(bytes / 1024 / 1024)} MB`;
}

/** The file's bytes as base64, reporting the fraction read. */
export function readAsBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onerror = () => reject(new Error(`Could not read ${file.name}: ${reader.error?.message ?? 'unknown error'}`));
    // a data: URL is the browser's own base64 encoder: keep what follows the comma
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.readAsDataURL(file);
  });
}

type Fetch = NonNullable<Parameters<typeof httpLink>[0]['fetch']>;

/** A fetch over XMLHttpRequest that reports the fraction of the request body sent. */
function fetchWithUploadProgress(onProgress: (fraction: number) => void): Fetch {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(init?.method ?? 'POST', String(url));
      for (const [name, value] of Object.entries((init?.headers ?? {}) as Record<string, string>)) {
        xhr.setRequestHeader(name, value);
      }
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onload = () => {
        // the body limit answers before tRPC does, in its own shape
        if (xhr.status === 413) {
          reject(new Error('The server refused the package as too large. Packages are limited to 10 MB.'));
          return;
        }
        resolve(new Response(xhr.responseText, { status: xhr.status, headers: { 'content-type': 'application/json' } }));
      };
      xhr.onerror = () => reject(new TypeError('Could not reach the server. Check your connection and try again.'));
      xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
      init?.signal?.addEventListener('abort', () => xhr.abort());
      xhr.send(init?.body as XMLHttpRequestBodyInit | null | undefined);
    });
}

export function uploadVersion(
  input: { agencyId: string; moduleId: string; packageBase64: string },
  onProgress: (fraction: number) => void,
) {
  const client = createTRPCClient<AppRouter>({
    links: [httpLink({ url: '/api/trpc', transformer: superjson, fetch: fetchWithUploadProgress(onProgress) })],
  });
  return client.modules.uploadVersion.mutate(input);
}

export interface PackageProblem {
  /** `manifest`: a JSON path in dramac.module.json; `archive`: a file in the .tgz; `package`: the whole */
  where: 'manifest' | 'archive' | 'package';
  path?: string;
  message: string;
}

/**
 * Why an upload failed, with every problem. The server reports each problem of a refused
 * package as a field error at `package.<JSON path or archive entry>` (or `package` alone, or
 * `packageBase64` for the size); other refusals (a version that is not higher) have a message.
 */
export function uploadFailure(error: unknown): { title: string; problems: PackageProblem[] } {
  if (!(error instanceof TRPCClientError) || !error.data) {
    return { title: 'The upload failed', problems: [{ where: 'package', message: (error as Error)?.message ?? String(error) }] };
  }
  const fieldErrors = (error.data.validation?.fieldErrors ?? {}) as Record<string, string[]>;
  const problems = Object.entries(fieldErrors).flatMap(([key, messages]) =>
    messages.map((message): PackageProblem => {
      if (key === 'package' || key === 'packageBase64') return { where: 'package', message };
      const path = key.replace(/^package\./, '');
      return { where: path.startsWith('$') ? 'manifest' : 'archive', path, message };
    }),
  );
  if (problems.length === 0) return { title: 'The upload was refused', problems: [{ where: 'package', message: error.message }] };
  return {
    title: problems.length === 1 ? 'The package was refused' : `The package was refused: ${problems.length} problems`,
    problems,
  };
}
