import { Component } from 'react';
import type { ReactNode } from 'react';
import { retryFailedLoads } from '../../lib/lazy-component';
import { ErrorPage } from '../routes/error-page';

interface Props {
  children: ReactNode;
}

/**
 * Keeps a page that throws from taking the navbar down with it. Keyed by path by its user; "Try
 * again" renders the page anew, and loads again the code that failed to load, as opening a page
 * does.
 */
export class PageErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  constructor(props: Props) {
    super(props);
    // A page opened anew (the boundary is keyed by path) loads again code that failed before.
    retryFailedLoads();
  }

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('unknown') };
  }

  private readonly retry = () => {
    retryFailedLoads();
    this.setState({ error: undefined });
  };

  override render() {
    return this.state.error === undefined ? (
      this.props.children
    ) : (
      <ErrorPage error={this.state.error} onRetry={this.retry} />
    );
  }
}
