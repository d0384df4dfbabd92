import { GraphQLRequestError } from '@perfanalysis/sdk';
import type { GraphQLFormattedError } from 'graphql';

/** The file name a Content-Disposition header asks for, else `fallback`. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return sanitizeFilename(decodeURIComponent(star[1].trim()), fallback);
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  return sanitizeFilename((plain?.[2] ?? plain?.[1] ?? '').trim(), fallback);
}

function sanitizeFilename(name: string, fallback: string): string {
  const base =
    name
      .split(/[\\/]/)
      .pop()
      ?.replace(/[\u0000-\u001f]/g, '') ?? '';
  return base && base !== '.' && base !== '..' ? base : fallback;
}

/** Hands a blob to the browser as a download named `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Starts the download of a same-origin URL that answers with an attachment (e.g. a report link). */
export function saveUrl(url: string, filename = ''): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * GETs an authenticated file (the REST export) and saves it. A failure answer's GraphQL-shaped
 * errors are thrown as a GraphQLRequestError so they are shown like any other.
 */
export async function downloadWithToken(url: string, token: string | undefined, fallbackName: string): Promise<string> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as
      | { errors?: GraphQLFormattedError[]; error?: string; message?: string }
      | undefined;
    const errors = body?.errors ?? [{ message: body?.message ?? body?.error ?? `The export failed (HTTP ${response.status}).` }];
    throw new GraphQLRequestError(errors, response.status);
  }
  const filename = filenameFromDisposition(response.headers.get('content-disposition'), fallbackName);
  saveBlob(await response.blob(), filename);
  return filename;
}
