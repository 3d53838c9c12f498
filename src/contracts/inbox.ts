import { z } from 'zod';
import { pageOf } from './page';

/**
 * The inbox: notices the system sends to one person (a facility told what the ward decided, later
 * patients' notices and escalations). Each notice carries its own text, e.g. a rejection's reason.
 */
export const NoticeId = z.uuid();

export const InboxNotice = z.object({
  id: NoticeId,
  /** What it is about, `<module>.<event>`: `directory.change_request.rejected`, … (the web picks an icon). */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path inside the app (`/staff/…`) to the thing the notice is about. */
  link: z.string().nullable(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  patientId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** Whether the recipient is asked to acknowledge it (answers like agree/object stay in the domain). */
  requiresAck: z.boolean(),
  acknowledgedAt: z.string().nullable(),
});
export type InboxNotice = z.infer<typeof InboxNotice>;

/** `GET /api/inbox`: unread first, then newest, in the one list pattern, with the caller’s unread count. */
export const InboxPage = pageOf(InboxNotice).extend({ unreadCount: z.number().int().min(0) });
export type InboxPage = z.infer<typeof InboxPage>;

/** `GET /api/inbox/unread-count`: for the header badge, without loading a page. */
export const InboxUnreadCount = z.object({ unreadCount: z.number().int().min(0) });
export type InboxUnreadCount = z.infer<typeof InboxUnreadCount>;

export const InboxReadAllResponse = z.object({ updated: z.number().int().min(0) });
export type InboxReadAllResponse = z.infer<typeof InboxReadAllResponse>;
