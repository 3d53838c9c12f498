/**
 * Every error code the API can answer with, its HTTP status, and the message a user reads.
 * The web shows `ja` (or `en`) by code; the server sends the Japanese text in `message`.
 * Keep docs/errors.md in step (a test checks it). Module codes live in their own contracts file and are
 * listed in error-codes.ts.
 */
export const errorCatalog = {
  'request.invalid': {
    status: 400,
    ja: '入力内容に誤りがあります。表示された項目を確認して、もう一度送信してください。',
    en: 'The request is not valid. Check the highlighted fields and send it again.',
  },
  'request.malformed_json': {
    status: 400,
    ja: '送信されたデータを読み取れませんでした。画面を再読み込みして、もう一度お試しください。',
    en: 'The request body could not be read. Reload the page and try again.',
  },
  'request.too_large': {
    status: 413,
    ja: '送信されたデータが大きすぎます。内容を分けて送信してください。',
    en: 'The request is too large. Send it in smaller parts.',
  },
  'request.nul_byte': {
    status: 400,
    ja: '入力に使えない文字（NUL）が含まれています。文字をコピーした元を確かめて、入力し直してください。',
    en: 'The input contains a character that is not allowed (NUL). Type it again.',
  },
  'request.unsupported_media_type': {
    status: 415,
    ja: 'この形式のデータは受け付けていません。JSON で送信してください。',
    en: 'This content type is not accepted. Send JSON.',
  },
  'auth.required': {
    status: 401,
    ja: 'ログインが必要です。ログインしてから、もう一度お試しください。',
    en: 'You need to log in first.',
  },
  'auth.invalid_credentials': {
    status: 401,
    ja: 'メールアドレスまたはパスワードが違います。入力を確認してください。',
    en: 'The email address or password is wrong.',
  },
  'auth.locked': {
    status: 429,
    ja: 'ログインの失敗が続いたため、一時的にロックしました。しばらく待ってから、もう一度お試しください。',
    en: 'Too many failed attempts. The account is locked for a while; try again later.',
  },
  'auth.totp_required': {
    status: 401,
    ja: '確認コード（二要素認証）の入力が必要です。認証アプリに表示された6桁の数字を入力してください。',
    en: 'Enter the 6-digit code from your authenticator app.',
  },
  'auth.totp_invalid': {
    status: 401,
    ja: '確認コードが違うか、すでに使われています。認証アプリの新しいコードを入力してください。',
    en: 'The code is wrong or was already used. Enter a new code from your app.',
  },
  'auth.totp_enrolment_required': {
    status: 403,
    ja: '二要素認証の設定が必要です。設定画面で認証アプリを登録してください。',
    en: 'Two-factor authentication must be set up first.',
  },
  'auth.session_expired': {
    status: 401,
    ja: '一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。',
    en: 'Your session has expired. Log in again.',
  },
  'auth.csrf_invalid': {
    status: 403,
    ja: '画面の有効期限が切れました。画面を再読み込みして、もう一度操作してください。',
    en: 'The page has expired. Reload it and try again.',
  },
  'auth.forbidden': {
    status: 403,
    ja: 'この操作を行う権限がありません。必要な場合は区の管理者に連絡してください。',
    en: 'You are not allowed to do this. Ask the ward administrator if you need access.',
  },
  'auth.weak_password': {
    status: 400,
    ja: 'このパスワードは使えません。8文字以上で、推測されにくいものにしてください。',
    en: 'This password cannot be used. Use at least 8 characters that are hard to guess.',
  },
  'auth.token_invalid': {
    status: 400,
    ja: 'このリンクは無効か、有効期限が切れています。もう一度手続きをやり直してください。',
    en: 'This link is invalid or has expired. Start again.',
  },
  rate_limited: {
    status: 429,
    ja: 'アクセスが集中しています。しばらく待ってから、もう一度お試しください。',
    en: 'Too many requests. Wait a moment and try again.',
  },
  not_found: {
    status: 404,
    ja: 'お探しの情報は見つかりませんでした。URL を確認するか、検索からお探しください。',
    en: 'Not found. Check the address or use the search.',
  },
  conflict: {
    status: 409,
    ja: 'ほかの人が先に更新しました。画面を再読み込みして、最新の内容を確認してください。',
    en: 'Someone else changed this first. Reload to see the latest version.',
  },
  'user.email_taken': {
    status: 409,
    ja: 'このメールアドレスはすでに登録されています。別のアドレスを入力してください。',
    en: 'This email address is already registered.',
  },
  'municipality.invalid_code': {
    status: 400,
    ja: '全国地方公共団体コードが正しくありません。6桁（検査数字を含む）で入力してください。',
    en: 'The municipality code is not valid (6 digits including the check digit).',
  },
  'municipality.exists': {
    status: 409,
    ja: 'この自治体はすでに登録されています。',
    en: 'This municipality is already registered.',
  },
  'database.locked': {
    status: 503,
    ja: 'データベースは別のプロセスが使用中です。起動中の Zaitaku を停止するか、DATA_DIR に別の場所を指定してください。',
    en: 'The database directory is used by another process. Stop it or choose another DATA_DIR.',
  },
  'database.unavailable': {
    status: 503,
    ja: 'データベースに接続できません。しばらく待ってから、もう一度お試しください。続く場合は区のシステム担当に連絡してください。',
    en: 'The database cannot be reached. Try again shortly; if it continues, tell the ward’s system administrator.',
  },
  'database.unsupported_ctype': {
    status: 503,
    ja: 'データベースの文字種別（LC_CTYPE）が UTF-8 に対応していないため、日本語などの文字を正しく扱えません。C.UTF-8 などで作成し直してください。',
    en: 'The database LC_CTYPE is not UTF-8 aware, so text beyond ASCII is not handled correctly; create it with e.g. C.UTF-8.',
  },
  internal: {
    status: 500,
    ja: 'システムで問題が起きました。時間をおいて、もう一度お試しください。続く場合は、表示された受付番号を添えて区へご連絡ください。',
    en: 'Something went wrong on our side. Try again later; if it continues, contact the ward with the request id shown.',
  },
  unavailable: {
    status: 503,
    ja: '現在システムを利用できません。しばらく待ってから、もう一度お試しください。',
    en: 'The service is unavailable. Try again shortly.',
  },
} as const satisfies Record<string, { status: number; ja: string; en: string }>;

export type ErrorEntry = { status: number; ja: string; en: string };

/**
 * A module's error codes, in its own contracts file. It only types the table: every table is listed
 * once in error-codes.ts, which the compiler reads to know every code (`ErrorCode`).
 */
export function defineErrors<const T extends Record<string, ErrorEntry>>(entries: T): T {
  return entries;
}

export type ErrorBody = { error: { code: string; message: string; details?: unknown; requestId?: string } };
