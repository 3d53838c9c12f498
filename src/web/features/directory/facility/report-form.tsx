import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type Ref, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorReportCategory } from '../../../../contracts/directory';
import { Alert, ErrorAlert } from '../../../components/alert';
import { DIRECTORY_NS } from '../i18n';
import { sendErrorReport } from '../shared/directory.api';

const CATEGORIES: readonly ErrorReportCategory[] = [
  'phone',
  'address',
  'hours',
  'closed',
  'capabilities',
  'other',
];

/**
 * A resident tells the ward that something on the page is wrong. No name or contact is asked
 * for (the report is about the facility, not the person); it lands in the staff review queue.
 */
export function ReportForm({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation(DIRECTORY_NS);
  const messageId = useId();
  // No category chosen beforehand: a preselected one was left as it was and mis-filed reports.
  const [category, setCategory] = useState<ErrorReportCategory | null>(null);
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState(false);
  const [missingCategory, setMissingCategory] = useState(false);
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const categoryRef = useRef<HTMLFieldSetElement>(null);
  const report = useMutation({
    mutationFn: (chosen: ErrorReportCategory) =>
      sendErrorReport(facilityId, { category: chosen, message: message.trim() }),
  });

  if (report.isSuccess) {
    return (
      <ReportDone
        onAgain={() => {
          setMessage('');
          setCategory(null);
          report.reset();
        }}
      />
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissingCategory(category === null);
    setMissing(!message.trim());
    if (category === null) {
      categoryRef.current?.querySelector('input')?.focus();
      return;
    }
    if (!message.trim()) {
      messageRef.current?.focus();
      return;
    }
    report.mutate(category);
  };

  return (
    <form className="dir-report" onSubmit={submit} noValidate>
      <p>{t('report.lead')}</p>
      {report.error ? <ErrorAlert error={report.error} /> : null}
      <CategoryChoice ref={categoryRef} value={category} missing={missingCategory} onChange={setCategory} />
      <div className="field">
        <label className="field__label" htmlFor={messageId}>
          {t('report.message')}
          <span className="field__required">{t('form.required', { ns: 'common' })}</span>
        </label>
        <span className="field__hint" id={`${messageId}-hint`}>
          {t('report.messageHint')}
        </span>
        {missing ? (
          <span className="field__error" id={`${messageId}-error`}>
            {t('report.required')}
          </span>
        ) : null}
        <textarea
          ref={messageRef}
          id={messageId}
          className="textarea dir-report__message"
          rows={5}
          maxLength={2000}
          required
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${messageId}-error ${messageId}-hint` : `${messageId}-hint`}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={report.isPending}>
        {report.isPending ? t('report.sending') : t('report.submit')}
      </button>
    </form>
  );
}

function CategoryChoice({
  ref,
  value,
  missing,
  onChange,
}: {
  ref: Ref<HTMLFieldSetElement>;
  value: ErrorReportCategory | null;
  missing: boolean;
  onChange: (v: ErrorReportCategory) => void;
}) {
  const { t } = useTranslation(DIRECTORY_NS);
  const errorId = useId();
  return (
    <fieldset
      ref={ref}
      className="field dir-choices"
      aria-invalid={missing || undefined}
      aria-describedby={missing ? errorId : undefined}
    >
      <legend>
        {t('report.category')}
        <span className="field__required">{t('form.required', { ns: 'common' })}</span>
      </legend>
      {missing ? (
        <span className="field__error" id={errorId}>
          {t('report.categoryRequired')}
        </span>
      ) : null}
      {CATEGORIES.map((category) => (
        <label className="checkbox" key={category}>
          <input
            type="radio"
            name="category"
            value={category}
            checked={value === category}
            onChange={() => onChange(category)}
          />
          <span>{t(`report.categories.${category}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The confirmation takes focus, so a screen reader reads it and nobody wonders if it was sent. */
function ReportDone({ onAgain }: { onAgain: () => void }) {
  const { t } = useTranslation(DIRECTORY_NS);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="dir-report-done">
      <Alert kind="success" title={t('report.title')}>
        <p>{t('report.done')}</p>
      </Alert>
      <button type="button" className="button button--secondary" onClick={onAgain}>
        {t('report.again')}
      </button>
    </div>
  );
}
