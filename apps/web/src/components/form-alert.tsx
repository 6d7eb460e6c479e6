import type { ReactNode } from 'react';

/** A form's own trouble (wrong password, locked account): above the fields, read out at once. */
export function FormAlert({
  kind = 'danger',
  children,
}: {
  kind?: 'danger' | 'warning' | 'info' | 'success';
  children: ReactNode;
}) {
  if (!children) return null;
  return (
    <div className={`alert alert-${kind}`} role={kind === 'danger' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
