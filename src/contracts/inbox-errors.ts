import { defineErrors } from './errors';

export const inboxErrors = defineErrors({
  'inbox.ack_not_required': {
    status: 409,
    ja: 'このお知らせは確認の操作が不要です。既読にするだけで大丈夫です。',
    en: 'This notice does not ask for acknowledgment. Marking it read is enough.',
  },
});
