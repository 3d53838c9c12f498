import type { ImportReport } from '../../../contracts/opendata';
import { ApiError, apiUrl } from '../../app/api';
import { fetchSession } from '../../app/session';

/** Largest file the page sends (the server refuses more with 413 anyway). */
export const UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

export type UploadOptions = { dryRun: boolean; overwriteEditorEdits: boolean };

/**
 * Sends the file itself as the request body (its length is known, so an oversize file is refused
 * before it is read). A refused commit (422) still carries the report, which is returned.
 */
export async function uploadFacilityList(file: File, options: UploadOptions): Promise<ImportReport> {
  const session = await fetchSession();
  const response = await fetch(
    apiUrl('/api/admin/opendata/imports', {
      dryRun: String(options.dryRun),
      overwriteEditorEdits: String(options.overwriteEditorEdits),
      fileName: file.name.slice(0, 255),
    }),
    {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/octet-stream',
        ...(session.csrfToken ? { 'x-csrf-token': session.csrfToken } : {}),
      },
      body: file,
    },
  );
  const body = (await response.json().catch(() => undefined)) as
    | (ImportReport & { error?: undefined })
    | { error: { code: string; message?: string; details?: { report?: ImportReport }; requestId?: string } }
    | undefined;
  if (response.ok && body && !body.error) return body as ImportReport;
  const error = body?.error;
  if (error?.details?.report) return error.details.report;
  throw new ApiError(
    error?.code ?? 'internal',
    response.status,
    error?.message,
    error?.details,
    error?.requestId,
  );
}
