import { Fragment } from 'react';

const urlPattern = /(https?:\/\/[^\s<>"']+)/g;

/**
 * A plain-text mail with its web addresses as links (the demo delivers invitation links this
 * way). Only http(s) addresses become links; everything else stays text.
 */
export function MailText({ text }: { text: string }) {
  const parts = text.split(urlPattern);
  return (
    <pre className="mail-text">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the split is stable for one text
          <a key={index} href={part} rel="noreferrer">
            {part}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the split is stable for one text
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}
