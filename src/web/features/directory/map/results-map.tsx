import type { LatLngExpression, Map as LeafletMap, MarkerClusterGroup } from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitySearchItem } from '../../../../contracts/directory';
import { DIRECTORY_NS } from '../i18n';
import type { MapConfig } from '../shared/directory.api';
import { TOUCH_QUERY } from '../shared/use-media-query';
import {
  clusterIcon,
  createBaseMap,
  facilityIcon,
  loadLeaflet,
  pointIcon,
  retitleZoom,
} from './leaflet-loader';
import { TilesFailedNote } from './tiles-failed-note';

export type ResultsMapProps = {
  items: FacilitySearchItem[];
  config: MapConfig;
  near: { lat: number; lng: number } | null;
  radiusM: number | null;
  picking: boolean;
  onPick: (point: { lat: number; lng: number }) => void;
  onOpen: (id: string) => void;
};

type Leaflet = Awaited<ReturnType<typeof loadLeaflet>>;

/**
 * The result map: clustered markers of every result, the reference point and its radius.
 * Loaded only when shown (this module and Leaflet are a separate chunk). Without a tile server
 * the markers sit on a plain background and still work.
 */
export default function ResultsMap(props: ResultsMapProps) {
  const { t } = useTranslation(DIRECTORY_NS);
  const element = useRef<HTMLElement>(null);
  const [ready, setReady] = useState<{ L: Leaflet; map: LeafletMap; cluster: MarkerClusterGroup } | null>(
    null,
  );
  const [tilesFailed, setTilesFailed] = useState(false);
  const latest = useRef(props);
  latest.current = props;
  // The words are read through a ref: the map is made once per mount, not again per language.
  const words = useRef(t);
  words.current = t;

  useEffect(() => {
    let map: LeafletMap | undefined;
    let cancelled = false;
    void loadLeaflet().then((L) => {
      if (cancelled || !element.current) return;
      map = createBaseMap(element.current, {
        tileUrl: latest.current.config.tileUrl,
        attribution: latest.current.config.attribution,
        zoomIn: words.current('map.zoomIn'),
        zoomOut: words.current('map.zoomOut'),
        onTiles: (loaded) => setTilesFailed(!loaded),
      });
      const cluster = L.markerClusterGroup({
        showCoverageOnHover: false,
        maxClusterRadius: 48,
        iconCreateFunction: (group) =>
          clusterIcon(
            group.getChildCount(),
            words.current(touchKey('map.cluster'), { count: group.getChildCount() }),
          ),
      });
      map.addLayer(cluster);
      map.on('click', (event) => {
        if (latest.current.picking) latest.current.onPick({ lat: event.latlng.lat, lng: event.latlng.lng });
      });
      setReady({ L, map, cluster });
    });
    return () => {
      cancelled = true;
      map?.remove();
      setReady(null);
    };
  }, []);

  // A language switch renames the controls; the markers are redrawn by useMarkers (it follows t).
  useEffect(() => {
    if (ready) retitleZoom(ready.map, t('map.zoomIn'), t('map.zoomOut'));
  }, [ready, t]);

  useMarkers(ready, props);

  useEffect(() => {
    ready?.map.getContainer().classList.toggle('dir-map--picking', props.picking);
  }, [ready, props.picking]);

  const withoutLocation = props.items.filter((item) => !item.location).length;
  return (
    <div className="dir-map-frame">
      <TilesFailedNote failed={tilesFailed} />
      <section ref={element} className="dir-map" aria-label={t('map.label')} />
      {withoutLocation > 0 ? (
        <p className="dir-map__note">{t('map.noLocation', { count: withoutLocation })}</p>
      ) : null}
    </div>
  );
}

/** The touch-screen wording of a message (タップ), read when a cluster icon is drawn. */
function touchKey(key: string): string {
  return window.matchMedia(TOUCH_QUERY).matches ? `${key}Touch` : key;
}

/** Redraws the markers when the results change and fits the view to them. */
function useMarkers(
  ready: { L: Leaflet; map: LeafletMap; cluster: MarkerClusterGroup } | null,
  { items, near, radiusM, onOpen }: ResultsMapProps,
) {
  const { t } = useTranslation(DIRECTORY_NS);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  useEffect(() => {
    if (!ready) return;
    const { L, map, cluster } = ready;
    cluster.clearLayers();
    const bounds: LatLngExpression[] = [];
    const markers = items.flatMap((item) => {
      if (!item.location) return [];
      const position: LatLngExpression = [item.location.lat, item.location.lng];
      bounds.push(position);
      const marker = L.marker(position, { icon: facilityIcon(item.type, item.name), title: item.name });
      marker.bindPopup(() =>
        popupContent(item, t(`type.${item.type}`), t('map.openFacility'), openRef.current),
      );
      return [marker];
    });
    cluster.addLayers(markers);
    const extras = L.layerGroup().addTo(map);
    if (near) {
      bounds.push([near.lat, near.lng]);
      L.marker([near.lat, near.lng], {
        icon: pointIcon(t('map.here')),
        title: t('map.here'),
        zIndexOffset: 1000,
      }).addTo(extras);
    }
    const view = bounds.length > 0 ? L.latLngBounds(bounds) : undefined;
    if (near && radiusM) {
      const circle = L.circle([near.lat, near.lng], { radius: radiusM, weight: 2, fill: false }).addTo(
        extras,
      );
      // The whole circle is in view, not only the markers inside it.
      view?.extend(circle.getBounds());
    }
    if (view) map.fitBounds(view, { padding: [24, 24], maxZoom: 16 });
    return () => {
      extras.remove();
    };
  }, [ready, items, near, radiusM, t]);
}

/** Built as DOM (not HTML strings) so names are never interpreted as markup. */
function popupContent(
  item: FacilitySearchItem,
  typeLabel: string,
  linkLabel: string,
  onOpen: (id: string) => void,
) {
  const box = document.createElement('div');
  box.className = 'dir-popup';
  const title = document.createElement('p');
  title.className = 'dir-popup__name';
  title.textContent = item.name;
  const type = document.createElement('p');
  type.textContent = typeLabel;
  const address = document.createElement('p');
  address.textContent = item.address;
  const link = document.createElement('a');
  link.href = `/facilities/${item.id}`;
  link.textContent = linkLabel;
  link.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    onOpen(item.id);
  });
  box.append(title, type, address, link);
  return box;
}
