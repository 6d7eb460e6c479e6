import type { ReactNode } from 'react';

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="text-center text-body-secondary border rounded py-5 px-3" data-testid="empty">
      {children}
    </div>
  );
}
