import type { Me } from '@folio/schema';

/** The person's picture, or the first letter of their nickname in a circle. */
export function UserAvatar({
  me,
  size = 32,
}: {
  me: Pick<Me, 'nickname' | 'avatarUrl'>;
  size?: number;
}) {
  const style = { width: size, height: size };
  if (me.avatarUrl) {
    return (
      <img
        src={me.avatarUrl}
        alt=""
        className="rounded-circle object-fit-cover flex-shrink-0"
        style={style}
        width={size}
        height={size}
      />
    );
  }
  const initial = Array.from(me.nickname.trim())[0]?.toUpperCase() ?? '?';
  return (
    <span
      className="rounded-circle bg-primary text-white d-inline-flex align-items-center justify-content-center fw-semibold flex-shrink-0"
      style={{ ...style, fontSize: size * 0.45 }}
      aria-hidden="true"
    >
      {initial}
    </span>
  );
}
