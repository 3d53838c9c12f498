import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../app/api';
import { DIRECTORY_NS } from '../i18n';
import { geocode } from '../shared/directory.api';
import { TOUCH_QUERY, useMediaQuery } from '../shared/use-media-query';
import { RADIUS_CHOICES, type SearchState } from './search-params';

type Props = {
  state: SearchState;
  onChange: (change: Partial<SearchState>) => void;
  picking: boolean;
  onPickOnMap: (on: boolean) => void;
};

/** Label of the reference point: a town as typed, or the device location, or a map click. */
export function usePlaceLabel(state: SearchState): string {
  const { t } = useTranslation(DIRECTORY_NS);
  if (state.place === 'here') return t('search.placeHere');
  if (state.place === 'map' || !state.place) return t('search.placeMap');
  return state.place;
}

/**
 * "Nearest first" from a town, a street address or a postal code (the geocode endpoint, which
 * says when a street address fell back to a less precise point), from the device location,
 * or from a point clicked on the map. Every way gives the same `near` in the URL.
 */
export function DistanceFilter({ state, onChange, picking, onPickOnMap }: Props) {
  const { t } = useTranslation(DIRECTORY_NS);
  const placeLabel = usePlaceLabel(state);
  const touch = useMediaQuery(TOUCH_QUERY) ? 'Touch' : '';
  const [message, setMessage] = useState('');
  const { locate, busy } = useDeviceLocation((near) => {
    setMessage('');
    onChange({ near, place: 'here' });
  }, setMessage);

  return (
    <fieldset className="field dir-choices">
      <legend>{t('search.distanceLegend')}</legend>
      {state.near ? (
        <p className="dir-place">
          <span>{t('search.currentPlace', { place: placeLabel })}</span>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onChange({ near: null })}
          >
            {t('search.placeClear')}
          </button>
        </p>
      ) : null}
      <PlaceForm
        onFound={(near, place, notice) => {
          setMessage(notice);
          onChange({ near, place });
        }}
        onError={setMessage}
      />
      <div className="dir-button-stack">
        <button type="button" className="button button--secondary" onClick={locate} disabled={busy}>
          {t('search.useLocation')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={picking}
          onClick={() => onPickOnMap(!picking)}
        >
          {picking ? t('search.pickCancel') : t(`search.pickOnMap${touch}`)}
        </button>
      </div>
      <p className="dir-message" role="status">
        {picking ? t(`search.pickOnMapActive${touch}`) : message}
      </p>
      {state.near ? <RadiusSelect state={state} onChange={onChange} /> : null}
    </fieldset>
  );
}

/** The browser's location (asked only on the button press); messages say what is happening. */
function useDeviceLocation(
  onFound: (near: { lat: number; lng: number }) => void,
  onMessage: (text: string) => void,
) {
  const { t } = useTranslation(DIRECTORY_NS);
  const [busy, setBusy] = useState(false);
  const locate = () => {
    if (!('geolocation' in navigator)) {
      onMessage(t('search.locationFailed'));
      return;
    }
    setBusy(true);
    onMessage(t('search.locating'));
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setBusy(false);
        onFound({ lat: position.coords.latitude, lng: position.coords.longitude });
      },
      () => {
        setBusy(false);
        onMessage(t('search.locationFailed'));
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };
  return { locate, busy };
}

/** Its own small form (outside the keyword form), so Enter here looks up the place only. */
function PlaceForm({
  onFound,
  onError,
}: {
  /** `notice` says, in plain words, when the point is less precise than the typed address. */
  onFound: (near: { lat: number; lng: number }, place: string, notice: string) => void;
  onError: (message: string) => void;
}) {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const id = useId();
  const [value, setValue] = useState('');
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const q = value.trim();
    if (!q) return;
    setPending(true);
    try {
      const found = await geocode(q);
      const notice =
        found.fallback === 'no_address_data'
          ? t('search.placeFallbackNoData', { place: found.label })
          : found.fallback === 'not_found'
            ? t('search.placeFallbackNotFound', { place: found.label })
            : '';
      onFound(found.location, found.label, notice);
    } catch (error) {
      const notFound = error instanceof ApiError && error.status === 404;
      onError(
        notFound ? t('search.placeNotFound') : errorMessage(error, i18n.language === 'en' ? 'en' : 'ja', ''),
      );
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="dir-place-form" onSubmit={(event) => void submit(event)}>
      <label className="field__label" htmlFor={id}>
        {t('search.place')}
      </label>
      <span className="field__hint" id={`${id}-hint`}>
        {t('search.placeHint')}
      </span>
      <div className="dir-inline">
        <input
          id={id}
          className="input"
          value={value}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="button button--secondary" disabled={pending}>
          {t('search.placeSubmit')}
        </button>
      </div>
    </form>
  );
}

function RadiusSelect({ state, onChange }: Pick<Props, 'state' | 'onChange'>) {
  const { t } = useTranslation(DIRECTORY_NS);
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('search.radius')}
      </label>
      <select
        id={id}
        className="select"
        value={state.radiusM ?? ''}
        onChange={(event) => onChange({ radiusM: event.target.value ? Number(event.target.value) : null })}
      >
        <option value="">{t('search.radiusAny')}</option>
        {RADIUS_CHOICES.map((metres) => (
          <option key={metres} value={metres}>
            {t('search.radiusM', { km: metres / 1000 })}
          </option>
        ))}
      </select>
    </div>
  );
}
