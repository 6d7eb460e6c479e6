import { useId } from 'react';
import type { ReactNode } from 'react';

/** One titled block of an account page. */
export function SettingsCard({
  title,
  children,
  danger = false,
  testId,
}: {
  title: string;
  children: ReactNode;
  danger?: boolean;
  testId?: string;
}) {
  const id = useId();
  return (
    <section
      className={`card mb-4 ${danger ? 'border-danger' : ''}`}
      aria-labelledby={id}
      data-testid={testId}
    >
      <div className="card-body">
        <h2 className={`h5 card-title mb-3 ${danger ? 'text-danger' : ''}`} id={id}>
          {title}
        </h2>
        {children}
      </div>
    </section>
  );
}
