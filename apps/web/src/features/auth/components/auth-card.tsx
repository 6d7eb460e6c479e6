import type { ReactNode } from 'react';

/** The narrow centred card the login, register and recovery pages sit in. */
export function AuthCard({
  title,
  children,
  footer,
}: {
  title: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="auth-card mx-auto">
      <div className="card shadow-sm">
        <div className="card-body p-3 p-sm-4">
          <h1 className="h3 mb-3">{title}</h1>
          {children}
        </div>
        {footer && <div className="card-footer bg-transparent text-center py-3">{footer}</div>}
      </div>
    </div>
  );
}
