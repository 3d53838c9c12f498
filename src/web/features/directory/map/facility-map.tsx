import type { Map as LeafletMap } from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTORY_NS } from '../i18n';
import type { MapConfig } from '../shared/directory.api';
import { createBaseMap, facilityIcon, loadLeaflet } from './leaflet-loader';
import { TilesFailedNote } from './tiles-failed-note';

export type FacilityMapProps = {
  location: { lat: number; lng: number };
  name: string;
  type: string;
  config: MapConfig;
};

/** A small map of one facility (its own chunk, like the result map). */
export default function FacilityMap({ location, name, type, config }: FacilityMapProps) {
  const { t } = useTranslation(DIRECTORY_NS);
  const element = useRef<HTMLElement>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  useEffect(() => {
    let map: LeafletMap | undefined;
    let cancelled = false;
    void loadLeaflet().then((L) => {
      if (cancelled || !element.current) return;
      map = createBaseMap(element.current, {
        tileUrl: config.tileUrl,
        attribution: config.attribution,
        zoomIn: t('map.zoomIn'),
        zoomOut: t('map.zoomOut'),
        onTiles: (loaded) => setTilesFailed(!loaded),
      });
      map.setView([location.lat, location.lng], 16);
      // The marker only marks the place; the page around it already says everything about it.
      L.marker([location.lat, location.lng], {
        icon: facilityIcon(type, name),
        keyboard: false,
        interactive: false,
      }).addTo(map);
    });
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [location.lat, location.lng, name, type, config, t]);
  return (
    <>
      <TilesFailedNote failed={tilesFailed} />
      <section ref={element} className="dir-map dir-map--small" aria-label={t('map.mapOf', { name })} />
    </>
  );
}
