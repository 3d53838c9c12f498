import { defineErrors } from './errors';

/** Errors of the council's data list (`council` module). */
export const councilErrors = defineErrors({
  'council.fiscal_year_not_started': {
    status: 400,
    ja: 'この年度はまだ始まっていません。今年度までの年度を選んでください。',
    en: 'This fiscal year has not started yet. Choose the current fiscal year or an earlier one.',
  },
});
