import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DistrictDto } from '../../../../contracts/directory';
import { DIRECTORY_NS } from '../i18n';

export type NumberedPoint = { no: number; type: string; lat: number; lng: number };

const WIDTH = 1000;
const PAD = 40;
const METRES_PER_DEGREE_LAT = 111_320;

type Projection = {
  x: (lng: number) => number;
  y: (lat: number) => number;
  height: number;
  metresPerUnit: number;
};

/** Equirectangular projection scaled by cos(latitude): exact enough for one ward on one sheet. */
function project(points: Array<{ lat: number; lng: number }>): Projection {
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const minLng = Math.min(...lngs);
  const maxLng = Math.max(...lngs);
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * kx, 0.002);
  const spanY = Math.max(maxLat - minLat, 0.002);
  const scale = (WIDTH - 2 * PAD) / spanX;
  const height = Math.min(Math.max(spanY * scale + 2 * PAD, 300), 1300);
  const scaleY = Math.min(scale, (height - 2 * PAD) / spanY);
  const s = Math.min(scale, scaleY);
  const offsetX = (WIDTH - spanX * s) / 2;
  const offsetY = (height - spanY * s) / 2;
  return {
    x: (lng) => offsetX + (lng - minLng) * kx * s,
    y: (lat) => offsetY + (maxLat - lat) * s,
    height,
    metresPerUnit: METRES_PER_DEGREE_LAT / s,
  };
}

/** A round scale-bar length (100 m, 200 m, 500 m, 1 km …) about a fifth of the sheet wide. */
function scaleBar(metresPerUnit: number): { metres: number; units: number } {
  const target = metresPerUnit * WIDTH * 0.2;
  const steps = [100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000];
  const metres = steps.find((step) => step >= target) ?? 50_000;
  return { metres, units: metres / metresPerUnit };
}

/**
 * The sheet's map: numbered points on town names, drawn as SVG so it prints sharply without a
 * tile server (the paper 在宅療養資源マップ is a numbered map with a list beside it).
 */
export function PrintMap({
  points,
  districts,
  near,
  legend,
}: {
  points: NumberedPoint[];
  districts: DistrictDto[];
  near: { lat: number; lng: number } | null;
  /** Number range of each type, so a grey print still tells a pharmacy from a clinic. */
  legend: Array<{ type: string; from: number; to: number }>;
}) {
  const { t } = useTranslation(DIRECTORY_NS);
  const titleId = useId();
  if (points.length === 0) return null;
  const proj = project(near ? [...points, near] : points);
  const towns = districts.flatMap((d) => d.towns).filter((town) => town.location);
  const inside = (x: number, y: number) => x > 0 && x < WIDTH && y > 0 && y < proj.height;
  const bar = scaleBar(proj.metresPerUnit);
  return (
    <figure className="dir-print-map">
      <svg viewBox={`0 0 ${WIDTH} ${Math.round(proj.height)}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{t('print.mapTitle')}</title>
        <rect x="0" y="0" width={WIDTH} height={proj.height} className="dir-print-map__ground" />
        {towns.map((town) => {
          const x = proj.x(town.location?.lng ?? 0);
          const y = proj.y(town.location?.lat ?? 0);
          return inside(x, y) ? (
            <text key={town.name} x={x} y={y} className="dir-print-map__town" textAnchor="middle">
              {town.name}
            </text>
          ) : null;
        })}
        {near ? (
          <text
            x={proj.x(near.lng)}
            y={proj.y(near.lat) + 9}
            className="dir-print-map__near"
            textAnchor="middle"
          >
            ★
          </text>
        ) : null}
        {points.map((point) => (
          <g key={point.no} className={`dir-print-map__pt dir-marker--${point.type}`}>
            <circle cx={proj.x(point.lng)} cy={proj.y(point.lat)} r="16" />
            <text x={proj.x(point.lng)} y={proj.y(point.lat) + 6} textAnchor="middle">
              {point.no}
            </text>
          </g>
        ))}
        <g className="dir-print-map__legend">
          <text x={WIDTH - 30} y="40" textAnchor="middle" className="dir-print-map__north">
            ▲
          </text>
          <text x={WIDTH - 30} y="62" textAnchor="middle">
            {t('print.mapNorth')}
          </text>
          <line x1="20" x2={20 + bar.units} y1={proj.height - 20} y2={proj.height - 20} />
          <text x="20" y={proj.height - 28}>
            {bar.metres >= 1000
              ? t('common.km', { value: bar.metres / 1000 })
              : t('common.m', { value: bar.metres })}
          </text>
        </g>
      </svg>
      <figcaption>
        {t('print.mapTitle')}
        <ul className="dir-print-legend">
          {legend.map((item) => (
            <li key={item.type}>
              <span className={`dir-print-legend__dot dir-marker--${item.type}`} aria-hidden="true" />
              {t(`type.${item.type}`)} {item.from === item.to ? item.from : `${item.from}〜${item.to}`}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
