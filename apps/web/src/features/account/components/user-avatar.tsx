import type { Me } from '@folio/schema';
import { useState } from 'react';

/**
 * The person's picture, or the first letter of their nickname in a circle. A picture that fails
 * to load (gone from the server, not an image after all) falls back to the letter, so no broken
 * image or alt text ever spills out of the circle.
 */
export function UserAvatar({
  me,
  size = 32,
  src = me.avatarUrl,
  alt = '',
  onFailed,
}: {
  me: Pick<Me, 'nickname' | 'avatarUrl'>;
  size?: number;
  /** A picture to show instead of the saved one (a preview). */
  src?: string | null;
  alt?: string;
  onFailed?: () => void;
}) {
  // Which source failed, so that a new one gets its own chance.
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
        onError={() => {
          setFailed(src);
          onFailed?.();
        }}
      />
    );
  }
  const initial = Array.from(me.nickname.trim())[0]?.toUpperCase() ?? '?';
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
