import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useToast } from '../components/toast-context';
import { ToastProvider } from '../components/toasts';
import { AuthProvider } from './auth-provider';
import { ApiError } from '../lib/api-client';
import { getLocale, translate } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';

function QueryProvider({ children }: { children: ReactNode }) {
  const toast = useToast();
  const [client] = useState(() =>
    createQueryClient((error) =>
      toast.show({
        kind: 'danger',
        text:
          error instanceof ApiError ? error.message : translate(getLocale(), 'error.unexpected'),
      }),
    ),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ToastProvider>
      <QueryProvider>
        <AuthProvider>{children}</AuthProvider>
      </QueryProvider>
    </ToastProvider>
  );
}
