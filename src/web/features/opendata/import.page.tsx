import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../contracts/opendata';
import { hasRole, useSession } from '../../app/session';
import { Alert, ErrorAlert } from '../../components/alert';
import { TextField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ImportHistory, importHistoryKey } from './import-history';
import { ImportReportView } from './import-report';
import { UPLOAD_LIMIT_BYTES, type UploadOptions, uploadFacilityList } from './import-upload';
import './opendata.css';
import './opendata.messages';

type Checked = { file: File; overwrite: boolean; report: ImportReport };

/**
 * The ward admin's import: choose a file, see the dry run's report (the offending cells marked),
 * then import the same file. The server runs the same engine as `npx zaitaku import`.
 */
export function ImportPage() {
  const { t } = useTranslation('opendata');
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (!hasRole(session.data, 'ward_admin')) {
    return (
      <div className="page-narrow">
        <PageHeading title={t('import.title')} />
        <Alert kind="error" title={t('import.forbidden')} />
      </div>
    );
  }
  return <ImportWorkflow />;
}

function ImportWorkflow() {
  const { t } = useTranslation('opendata');
  const client = useQueryClient();
  const [checked, setChecked] = useState<Checked | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  const resultRef = useRef<HTMLDivElement>(null);
  const run = useMutation({
    mutationFn: ({ file, options }: { file: File; options: UploadOptions }) =>
      uploadFacilityList(file, options),
    onSettled: () => client.invalidateQueries({ queryKey: importHistoryKey }),
  });
  const report = run.data;

  // Move focus to the result so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (report) resultRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [report]);

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    const overwrite = form.get('overwrite') === 'on';
    if (!(file instanceof File) || file.size === 0) return setFileError(t('import.noFile'));
    if (file.size > UPLOAD_LIMIT_BYTES) return setFileError(t('import.tooLarge'));
    setFileError(undefined);
    run.mutate(
      { file, options: { dryRun: true, overwriteEditorEdits: overwrite } },
      { onSuccess: (result) => setChecked({ file, overwrite, report: result }) },
    );
  }

  function commit() {
    if (!checked) return;
    run.mutate({ file: checked.file, options: { dryRun: false, overwriteEditorEdits: checked.overwrite } });
    setChecked(undefined);
  }
  const committing = run.isPending && run.variables?.options.dryRun === false;

  const canCommit = checked && checked.report.errors.length === 0 && checked.report.rejected === 0;
  return (
    <div className="od-page">
      <PageHeading title={t('import.title')} />
      <p className="od-lead">{t('import.lead')}</p>
      <p>{t('import.readable')}</p>
      <form className="form" onSubmit={check} noValidate>
        <TextField
          type="file"
          name="file"
          accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          label={t('import.fileLabel')}
          hint={t('import.fileHint')}
          error={fileError}
          required
          onChange={() => setChecked(undefined)}
        />
        <label className="checkbox">
          <input type="checkbox" name="overwrite" aria-describedby="od-overwrite-hint" />
          {t('import.overwriteLabel')}
        </label>
        <p className="field__hint" id="od-overwrite-hint">
          {t('import.overwriteHint')}
        </p>
        <div className="button-row">
          <button type="submit" className="button" disabled={run.isPending}>
            {run.isPending && run.variables?.options.dryRun ? t('import.checking') : t('import.check')}
          </button>
        </div>
      </form>
      <ErrorAlert error={run.error} />
      {committing ? <Loading label={t('import.committing')} /> : null}
      <div ref={resultRef}>{report ? <ImportReportView report={report} /> : null}</div>
      {checked ? (
        <div className="button-row">
          <button type="button" className="button" onClick={commit} disabled={!canCommit || run.isPending}>
            {t('import.commit')}
          </button>
        </div>
      ) : null}
      <ImportHistory />
    </div>
  );
}
