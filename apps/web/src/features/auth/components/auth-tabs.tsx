import { useId } from 'react';
import type { ReactNode } from 'react';

interface AuthTabsProps<T extends string> {
  label: string;
  tabs: readonly { id: T; label: string }[];
  active: T;
  onChange: (id: T) => void;
  children: ReactNode;
}

/** Two ways to do the same thing (password or code, phone or email), one shown at a time. */
export function AuthTabs<T extends string>({
  label,
  tabs,
  active,
  onChange,
  children,
}: AuthTabsProps<T>) {
  const id = useId();
  return (
    <>
      <div className="nav nav-tabs nav-fill mb-3" role="tablist" aria-label={label}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${id}-${tab.id}`}
            className={`nav-link ${tab.id === active ? 'active' : ''}`}
            aria-selected={tab.id === active}
            aria-controls={`${id}-panel`}
            onClick={() => onChange(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-${active}`}>
        {children}
      </div>
    </>
  );
}
