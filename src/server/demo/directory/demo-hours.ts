import type { FacilityType, OpeningHours, WeeklyHours } from '../../../contracts/directory';
import type { Random } from './random';

const days = (list: number[], open: string, close: string): WeeklyHours[] =>
  list.map((day) => ({ day, open, close }));
const WEEKDAYS = [1, 2, 3, 4, 5];

function clinicHours(r: Random): OpeningHours {
  if (r.chance(0.02)) {
    // A night clinic: the evening session runs past midnight.
    return {
      weekly: days(WEEKDAYS, '19:00', '01:00'),
      closures: [],
      closedOnHolidays: true,
      closedYearEnd: true,
      note: '夜間診療（平日19時〜翌1時）',
    };
  }
  const thursdayAfternoonOff = r.chance(0.4);
  const secondFourthSaturday = r.chance(0.3);
  const weekly = [
    ...days([...WEEKDAYS, 6], '09:00', '12:30'),
    ...days(thursdayAfternoonOff ? [1, 2, 3, 5] : WEEKDAYS, '15:00', '18:30'),
  ];
  const notes = ['日曜・祝日休診'];
  if (thursdayAfternoonOff) notes.unshift('木曜午後休診');
  if (secondFourthSaturday) notes.push('第2・第4土曜休診');
  return {
    weekly,
    closures: secondFourthSaturday ? [{ weekday: 6, nth: [2, 4] }] : [],
    closedOnHolidays: true,
    closedYearEnd: true,
    note: notes.join('、'),
  };
}

function dentalHours(r: Random): OpeningHours {
  const thursdayOff = r.chance(0.3);
  const weekdays = thursdayOff ? [1, 2, 3, 5] : WEEKDAYS;
  return {
    weekly: [
      ...days(weekdays, '09:30', '13:00'),
      ...days(weekdays, '14:30', '19:00'),
      ...days([6], '09:30', '13:00'),
    ],
    closures: [],
    closedOnHolidays: true,
    closedYearEnd: true,
    note: thursdayOff ? '木曜・日曜・祝日休診' : '日曜・祝日休診',
  };
}

function pharmacyHours(r: Random): OpeningHours {
  if (r.chance(0.08)) {
    return {
      weekly: days([0, 1, 2, 3, 4, 5, 6], '00:00', '24:00'),
      closures: [],
      closedOnHolidays: false,
      closedYearEnd: false,
      note: '24時間営業',
    };
  }
  const late = r.chance(0.15);
  return {
    weekly: [...days(WEEKDAYS, '09:00', late ? '22:00' : '19:00'), ...days([6], '09:00', '13:00')],
    closures: [],
    closedOnHolidays: true,
    closedYearEnd: true,
    note: late ? '平日は22時まで' : null,
  };
}

function officeHours(note: string | null): OpeningHours {
  return {
    weekly: days(WEEKDAYS, '08:30', '17:30'),
    closures: [],
    closedOnHolidays: true,
    closedYearEnd: true,
    note,
  };
}

/** Realistic timetables by type: lunch breaks, 木曜午後休診, 第2・第4土曜休診, night and 24-hour shops. */
export function demoHours(type: FacilityType, r: Random, roundTheClock: boolean): OpeningHours {
  switch (type) {
    case 'clinic':
      return clinicHours(r);
    case 'dental_clinic':
      return dentalHours(r);
    case 'pharmacy':
      return pharmacyHours(r);
    case 'hospital':
      return {
        weekly: [...days(WEEKDAYS, '08:30', '17:00'), ...days([6], '08:30', '12:00')],
        closures: [],
        closedOnHolidays: true,
        closedYearEnd: true,
        note: '外来の受付時間。救急は24時間対応',
      };
    case 'visiting_nurse_station':
      return officeHours(roundTheClock ? '24時間連絡・緊急訪問対応' : null);
    default:
      return officeHours('土日・祝日・年末年始休み');
  }
}
