import type { Page } from 'playwright-core';

/**
 * Calls the API from inside a signed-in page (its session cookie, its CSRF token), as the web app
 * does; a browser test uses it to set up what the journey needs. Throws on a non-2xx answer.
 */
export async function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken?: string };
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken ?? '' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await response.json();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    },
    { method, path, body },
  ) as Promise<T>;
}

/**
 * What a hospital-staff page needs to register a new patient of the demo clinic: the clinic's
 * organisation (the family doctor of a demo patient) and a town of the ward's list.
 */
export async function demoClinicAndTown(
  hospital: Page,
): Promise<{ clinicOrg: string | undefined; town: string }> {
  const list = await callApi<{ items: Array<{ id: string }> }>(hospital, 'GET', '/api/patients');
  let clinicOrg: string | undefined;
  for (const p of list.items) {
    const detail = await callApi<{ circle: Array<{ role: string; organisationId: string | null }> }>(
      hospital,
      'GET',
      `/api/patients/${p.id}`,
    );
    clinicOrg =
      detail.circle.find((m) => m.role === 'family_doctor' && m.organisationId)?.organisationId ?? undefined;
    if (clinicOrg) break;
  }
  const towns = await callApi<{ items?: Array<{ name: string }> } | Array<{ name: string }>>(
    hospital,
    'GET',
    '/api/patients/towns',
  );
  const town = (Array.isArray(towns) ? towns : (towns.items ?? []))[0]?.name ?? '中目黒一丁目';
  return { clinicOrg, town };
}
