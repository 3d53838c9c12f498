import type { JobHandler } from '../../platform/module';
import { isBusinessDay } from '../../platform/time/business-days';
import { tokyoDate } from '../../platform/time/tokyo-calendar';
import { REMIND_JOB, remindAllMunicipalities } from './reminder.service';

/** The directory's scheduled work. */
export const directoryJobs: Record<string, JobHandler> = {
  /**
   * The confirmation reminders, every working morning (no mail lands on a weekend, a holiday or
   * 年末年始, when nobody at the facility reads it); each facility at most once per 30 days.
   */
  [REMIND_JOB]: {
    daily: '09:00',
    async run(job, deps) {
      if (!isBusinessDay(tokyoDate(job.now))) return;
      await remindAllMunicipalities(
        { db: job.trx },
        { baseUrl: deps.config.BASE_URL ?? `http://localhost:${deps.config.PORT}` },
      );
    },
  },
};
