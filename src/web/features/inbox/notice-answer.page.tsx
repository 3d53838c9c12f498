import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert, ErrorAlert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { answerNoticeLink, useNoticeLink } from './inbox.api';
import './inbox.css';
import './inbox.messages';

/** The public page of a FAX sheet's one-time link: answer without an account, once. */
export function NoticeAnswerPage() {
  const { t } = useTranslation('inbox');
  const { token = '' } = useParams();
  const view = useNoticeLink(token);
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const send = useMutation({
    mutationFn: (body: { answer?: 'agree' | 'object'; reason?: string }) =>
      answerNoticeLink(token, { name: name.trim(), ...body }),
  });
  const v = view.data;
  return (
    <>
      <PageHeading title={t('answer.title')} />
      {view.isPending ? <Loading /> : null}
      {view.error ? (
        <Alert kind="error">
          <p>{t('answer.invalid')}</p>
        </Alert>
      ) : null}
      {v && send.isSuccess ? (
        <Alert kind="success">
          <p>{t('done')}</p>
        </Alert>
      ) : null}
      {v && !send.isSuccess ? (
        <section className="card page-narrow" aria-labelledby="answer-subject">
          <h2 id="answer-subject">{t(`fax.kinds.${v.kind}`)}</h2>
          <p>{t('answer.intro', { hospital: v.hospitalName, patient: v.maskedPatientName })}</p>
          <p>
            {v.hospitalPhone
              ? t('fax.phone', { hospital: v.hospitalName, phone: v.hospitalPhone })
              : t('fax.noPhone', { hospital: v.hospitalName })}
          </p>
          <div className="field">
            <label className="field__label" htmlFor="answer-name">
              {t('answer.name')}
            </label>
            <span className="field__hint" id="answer-name-hint">
              {t('answer.nameHint')}
            </span>
            <input
              id="answer-name"
              className="input"
              autoComplete="name"
              aria-describedby="answer-name-hint"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          {v.needsAnswer ? (
            <div className="field">
              <label className="field__label" htmlFor="answer-reason">
                {t('reason')}
              </label>
              <span className="field__hint" id="answer-reason-hint">
                {t('reasonHint')}
              </span>
              <textarea
                id="answer-reason"
                className="textarea"
                aria-describedby="answer-reason-hint"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
          ) : null}
          <ErrorAlert error={send.error} />
          <div className="inbox-actions">
            {v.needsAnswer ? (
              <>
                <button
                  type="button"
                  className="button inbox-button"
                  disabled={send.isPending || name.trim() === ''}
                  onClick={() => send.mutate({ answer: 'agree' })}
                >
                  {t('agree')}
                </button>
                <button
                  type="button"
                  className="button button--secondary inbox-button"
                  disabled={send.isPending || name.trim() === '' || reason.trim() === ''}
                  onClick={() => send.mutate({ answer: 'object', reason: reason.trim() })}
                >
                  {t('object')}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="button inbox-button"
                disabled={send.isPending || name.trim() === ''}
                onClick={() => send.mutate({})}
              >
                {t('answer.received')}
              </button>
            )}
          </div>
        </section>
      ) : null}
    </>
  );
}
