import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import './map.css';

let clusterReady: Promise<typeof L> | undefined;

/**
 * Leaflet with the marker-cluster plugin. The plugin is a UMD script that extends the global `L`,
 * so the global is set before the plugin is evaluated (a dynamic import keeps that order).
 */
export function loadLeaflet(): Promise<typeof L> {
  clusterReady ??= (async () => {
    (globalThis as { L?: typeof L }).L = L;
    await import('leaflet.markercluster');
    return L;
  })();
  return clusterReady;
}

/** One-character mark per facility type, so markers differ by shape of text, not colour alone. */
export const typeGlyph: Record<string, string> = {
  hospital: '病',
  clinic: '診',
  dental_clinic: '歯',
  pharmacy: '薬',
  visiting_nurse_station: '看',
  care_management_office: 'ケ',
  community_support_center: '包',
  other_care_service: '介',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A marker whose accessible name is the facility's name (Leaflet gives it role=button). */
export function facilityIcon(type: string, name: string, label?: string): L.DivIcon {
  return L.divIcon({
    className: `dir-marker dir-marker--${type}`,
    html: `<span aria-hidden="true">${escapeHtml(label ?? typeGlyph[type] ?? '・')}</span><span class="visually-hidden">${escapeHtml(name)}</span>`,
    iconSize: [32, 32],
    iconAnchor: [16, 16],
    popupAnchor: [0, -14],
  });
}

export function clusterIcon(count: number, spoken: string): L.DivIcon {
  const size = count < 10 ? 36 : count < 100 ? 42 : 48;
  return L.divIcon({
    className: 'dir-cluster',
    html: `<span aria-hidden="true">${count}</span><span class="visually-hidden">${escapeHtml(spoken)}</span>`,
    iconSize: [size, size],
  });
}

export function pointIcon(spoken: string): L.DivIcon {
  return L.divIcon({
    className: 'dir-point',
    html: `<span aria-hidden="true">★</span><span class="visually-hidden">${escapeHtml(spoken)}</span>`,
    iconSize: [34, 34],
    iconAnchor: [17, 17],
  });
}

/**
 * The base map: tiles when configured, Japanese controls. Tiles may fail (offline, a blocked tile
 * server): `onTiles(false)` says so, so the page can say it in words; markers work either way.
 */
export function createBaseMap(
  element: HTMLElement,
  options: {
    tileUrl: string | null;
    attribution: string;
    zoomIn: string;
    zoomOut: string;
    onTiles?: (loaded: boolean) => void;
  },
): L.Map {
  const map = L.map(element, { zoomControl: false, center: [35.6333, 139.6983], zoom: 14, maxZoom: 18 });
  L.control.zoom({ zoomInTitle: options.zoomIn, zoomOutTitle: options.zoomOut }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
  if (options.tileUrl) {
    const tiles = L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: 18, minZoom: 5 });
    tiles.on('tileerror', () => options.onTiles?.(false));
    tiles.on('tileload', () => options.onTiles?.(true));
    tiles.addTo(map);
  }
  return map;
}

/**
 * Renames the zoom buttons after a language switch. The map itself is kept: removing and
 * recreating it while its markers' effects still held the old one threw `_leaflet_pos`.
 */
export function retitleZoom(map: L.Map, zoomIn: string, zoomOut: string): void {
  const container = map.getContainer();
  for (const [selector, title] of [
    ['.leaflet-control-zoom-in', zoomIn],
    ['.leaflet-control-zoom-out', zoomOut],
  ] as const) {
    const button = container.querySelector(selector);
    button?.setAttribute('title', title);
    button?.setAttribute('aria-label', title);
  }
}
