import { RelativeTime } from './relative-time';

interface TimedPhraseProps {
  /** A translated message with one `{time}`, where the language puts the time in the sentence. */
  message: string;
  /** An ISO 8601 date-time, as the API sends it. */
  dateTime: string;
}

/**
 * "Logged in 3 minutes ago", "3分钟前登录": a label before the time reads badly in Chinese ("登录于
 * 刚刚"), so each phrase places the time itself.
 */
export function TimedPhrase({ message, dateTime }: TimedPhraseProps) {
  const [before = '', ...rest] = message.split('{time}');
  return (
    <>
      {before}
      <RelativeTime dateTime={dateTime} />
      {rest.join('{time}')}
    </>
  );
}
