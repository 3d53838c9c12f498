import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapabilityDto, DistrictDto, SearchFacets } from '../../../../contracts/directory';
import { DIRECTORY_NS } from '../i18n';
import { FACILITY_TYPES, type SearchState } from './search-params';

export type FilterProps = {
  state: SearchState;
  facets: SearchFacets | undefined;
  onChange: (change: Partial<SearchState>) => void;
};

function toggle<T>(values: readonly T[], value: T, on: boolean): T[] {
  return on ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value);
}

/** "（12件）" after a choice, so people see where the results are before they click. */
function Count({ value }: { value: number | undefined }) {
  const { t } = useTranslation(DIRECTORY_NS);
  if (value === undefined) return null;
  return <span className="dir-count">{t('search.facetCount', { count: value })}</span>;
}

export function TypeFilter({ state, facets, onChange }: FilterProps) {
  const { t } = useTranslation(DIRECTORY_NS);
  return (
    <fieldset className="field dir-choices">
      <legend>{t('search.types')}</legend>
      {FACILITY_TYPES.map((type) => (
        <label className="checkbox" key={type}>
          <input
            type="checkbox"
            name="type"
            value={type}
            checked={state.types.includes(type)}
            onChange={(event) => onChange({ types: toggle(state.types, type, event.target.checked) })}
          />
          <span>
            {t(`type.${type}`)}
            <Count value={facets ? (facets.type[type] ?? 0) : undefined} />
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function CapabilityFilter({
  state,
  facets,
  onChange,
  capabilities,
}: FilterProps & { capabilities: CapabilityDto[] }) {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const hintId = useId();
  return (
    <fieldset className="field dir-choices dir-choices--grid" aria-describedby={hintId}>
      <legend>{t('search.capabilities')}</legend>
      <span className="field__hint" id={hintId}>
        {t('search.capabilitiesHint')}
      </span>
      {capabilities.map((capability) => (
        <label className="checkbox" key={capability.code}>
          <input
            type="checkbox"
            name="capability"
            value={capability.code}
            checked={state.capabilities.includes(capability.code)}
            onChange={(event) =>
              onChange({ capabilities: toggle(state.capabilities, capability.code, event.target.checked) })
            }
          />
          <span>
            {i18n.language === 'en' ? capability.nameEn : capability.name}
            <Count value={facets ? (facets.capability[capability.code] ?? 0) : undefined} />
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function DistrictSelect({
  state,
  facets,
  onChange,
  districts,
}: FilterProps & { districts: DistrictDto[] }) {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('search.district')}
      </label>
      <select
        id={id}
        className="select"
        value={state.district}
        onChange={(event) => onChange({ district: event.target.value })}
      >
        <option value="">{t('search.districtAll')}</option>
        {districts.map((district) => (
          <option key={district.code} value={district.code}>
            {i18n.language === 'en' && district.nameEn ? district.nameEn : district.name}
            {facets ? t('search.facetCount', { count: facets.district[district.code] ?? 0 }) : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TownSelect({ state, onChange, districts }: FilterProps & { districts: DistrictDto[] }) {
  const { t } = useTranslation(DIRECTORY_NS);
  const id = useId();
  const towns = districts
    .filter((district) => !state.district || district.code === state.district)
    .flatMap((district) => district.towns.map((town) => town.name));
  const choices = [...new Set(towns)].sort((a, b) => a.localeCompare(b, 'ja'));
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('search.town')}
      </label>
      <select
        id={id}
        className="select"
        value={state.town}
        onChange={(event) => onChange({ town: event.target.value })}
      >
        <option value="">{t('search.townAll')}</option>
        {state.town && !choices.includes(state.town) ? (
          <option value={state.town}>{state.town}</option>
        ) : null}
        {choices.map((town) => (
          <option key={town} value={town}>
            {town}
          </option>
        ))}
      </select>
    </div>
  );
}

export function OpenFilter({ state, onChange }: FilterProps) {
  const { t } = useTranslation(DIRECTORY_NS);
  const inputId = useId();
  const mode = state.open === '' ? 'any' : state.open === 'now' ? 'now' : 'at';
  const setMode = (next: string) => {
    if (next === 'any') onChange({ open: '' });
    else if (next === 'now') onChange({ open: 'now' });
    else onChange({ open: nextHour() });
  };
  return (
    <fieldset className="field dir-choices">
      <legend>{t('search.openLegend')}</legend>
      {(['any', 'now', 'at'] as const).map((value) => (
        <label className="checkbox" key={value}>
          <input
            type="radio"
            name="open"
            value={value}
            checked={mode === value}
            onChange={() => setMode(value)}
          />
          <span>
            {t(value === 'any' ? 'search.openAny' : value === 'now' ? 'search.openNow' : 'search.openAt')}
          </span>
        </label>
      ))}
      {mode === 'at' ? (
        <div className="dir-indent">
          <label className="field__label" htmlFor={inputId}>
            {t('search.openAtInput')}
          </label>
          <input
            id={inputId}
            type="datetime-local"
            className="input"
            value={state.open}
            step={900}
            onChange={(event) => {
              if (event.target.value) onChange({ open: event.target.value.slice(0, 16) });
            }}
          />
        </div>
      ) : null}
    </fieldset>
  );
}

/** The next full hour, Tokyo time, as a starting value for "open at". */
function nextHour(): string {
  const date = new Date(Date.now() + 60 * 60 * 1000);
  const tokyo = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${tokyo.replace(' ', 'T')}:00`;
}

export function CheckboxFilter({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const hintId = useId();
  return (
    <div className="field">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>{label}</span>
      </label>
      {hint ? (
        <span className="field__hint dir-indent" id={hintId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}
