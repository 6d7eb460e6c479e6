import { useState } from 'react';

/**
 * A user's avatar, or the first letter of their nickname in a circle (the site's
 * `avatar-initial`), also when the picture fails to load.
 */
export function UserPicture({
  nickname,
  src,
  alt,
  size,
}: {
  nickname: string;
  src: string | null;
  alt: string;
  size: number;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  const style = { width: size, height: size };
  if (src && failed !== src) {
    return (
      <img
        src={src}
        alt={alt}
        className="rounded-circle object-fit-cover flex-shrink-0"
        style={style}
        width={size}
        height={size}
        onError={() => setFailed(src)}
      />
    );
  }
  const initial = Array.from(nickname.trim())[0]?.toUpperCase() ?? '?';
  return (
    <span
      className="avatar-initial rounded-circle bg-primary text-white d-inline-flex align-items-center justify-content-center fw-semibold flex-shrink-0"
      style={{ ...style, fontSize: size * 0.45 }}
      aria-hidden="true"
      data-initial={initial}
      data-testid="avatar-placeholder"
    />
  );
}
