import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTORY_NS } from '../i18n';
import type { ResultsMapProps } from '../map/results-map';
import { MAP_MAX_ITEMS, useAllResults, useMapConfig } from '../shared/directory.api';
import { MapErrorBoundary } from '../shared/map-error-boundary';
import type { ApiQuery } from './search-params';

// The map and Leaflet are a chunk of their own, fetched only when a map is on screen, so the
// first page a resident opens on a phone stays small.
const ResultsMap = lazy(() => import('../map/results-map'));

type Props = Omit<ResultsMapProps, 'items' | 'config'> & { query: ApiQuery };

export function MapPanel({ query, ...rest }: Props) {
  const { t } = useTranslation(DIRECTORY_NS);
  const config = useMapConfig();
  const all = useAllResults(query, MAP_MAX_ITEMS);
  const fallback = <p className="dir-map-placeholder">{t('map.loading')}</p>;
  if (!config.data || !all.data) return fallback;
  return (
    <MapErrorBoundary fallback={<p className="dir-map-placeholder">{t('map.failed')}</p>}>
      <Suspense fallback={fallback}>
        <ResultsMap items={all.data.items} config={config.data} {...rest} />
      </Suspense>
    </MapErrorBoundary>
  );
}
