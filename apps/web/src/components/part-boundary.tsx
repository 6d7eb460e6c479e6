import { Component } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import { retryFailedLoads } from '../lib/lazy-component';

interface Props {
  children: ReactNode;
  /** Shown instead of the part when it throws; `retry` renders it anew. An alert by default. */
  fallback?: (retry: () => void) => ReactNode;
  /** A change renders the part anew after a failure (the path, for parts outside the pages). */
  resetKey?: unknown;
  /** Classes of the default alert (its margins where it stands). */
  className?: string;
}

/**
 * Keeps a part of a page that throws (most often: its code failed to load) from taking the page
 * with it. "Try again" renders it anew, and loads again the code that failed to load.
 */
export class PartBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override componentDidUpdate(previous: Props) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.retry();
  }

  private readonly retry = () => {
    retryFailedLoads();
    this.setState({ failed: false });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    return this.props.fallback ? (
      this.props.fallback(this.retry)
    ) : (
      <PartError retry={this.retry} className={this.props.className} />
    );
  }
}

function PartError({ retry, className }: { retry: () => void; className?: string | undefined }) {
  const { t } = useI18n();
  return (
    <div
      className={`alert alert-warning d-flex flex-wrap align-items-center gap-2 ${className ?? ''}`}
      role="alert"
    >
      <div className="flex-grow-1">{t('error.partText')}</div>
      <button type="button" className="btn btn-sm btn-outline-secondary" onClick={retry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
