import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DIRECTORY_NS } from '../i18n';
import { COMPARE_MAX, compareHref, useCompareSelection } from './compare-selection';

/** The tick on a result card: "compare this one", refused in words beyond five. */
export function ComparePick({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation(DIRECTORY_NS);
  const selection = useCompareSelection();
  const hintId = useId();
  const checked = selection.ids.includes(id);
  const refused = selection.full && !checked;
  return (
    <div className="dir-compare-pick">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          aria-disabled={refused || undefined}
          aria-describedby={refused ? hintId : undefined}
          onChange={(event) => {
            if (!refused) selection.set(id, event.target.checked);
          }}
        />
        <span>
          {t('compare.pick')}
          <span className="visually-hidden">：{name}</span>
        </span>
      </label>
      {refused ? (
        <span className="field__hint" id={hintId}>
          {t('compare.pickFull', { max: COMPARE_MAX })}
        </span>
      ) : null}
    </div>
  );
}

/** What is chosen and the way to the comparison; shown once one facility is ticked. */
export function CompareBar() {
  const { t } = useTranslation(DIRECTORY_NS);
  const selection = useCompareSelection();
  if (selection.ids.length === 0) return null;
  return (
    <section className="dir-compare-bar" aria-label={t('compare.barLabel')}>
      <p className="dir-compare-bar__count" role="status">
        {t('compare.chosen', { count: selection.ids.length, max: COMPARE_MAX })}
      </p>
      {selection.ids.length >= 2 ? (
        <Link className="button" to={compareHref(selection.ids)}>
          {t('compare.open')}
        </Link>
      ) : (
        <p className="field__hint">{t('compare.needTwo')}</p>
      )}
      <button type="button" className="button button--link" onClick={selection.clear}>
        {t('compare.clear')}
      </button>
    </section>
  );
}
