import { useTranslation } from 'react-i18next';
import './admin.messages';

/** "Show more" for cursor-paged lists, with the running count announced politely. */
export function LoadMore({
  shown,
  hasMore,
  loading,
  onMore,
}: {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <div className="button-row">
      <p role="status" className="loading">
        {t('common.count', { count: shown })}
      </p>
      {hasMore ? (
        <button type="button" className="button button--secondary" onClick={onMore} disabled={loading}>
          {t('common.loadMore')}
        </button>
      ) : null}
    </div>
  );
}
