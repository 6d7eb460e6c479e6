import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Providers } from '../../../app/providers';
import { setSession } from '../../../lib/auth-store';
import { getLocale, setLocale } from '../../../lib/i18n';
import { authResult, fakeApi, me, ok } from '../../../test/fake-api';
import { ProfileForm } from './profile-form';

describe('<ProfileForm>', () => {
  beforeEach(() => {
    setLocale('en');
    setSession(authResult());
  });

  it('says "saved" in the language just chosen', async () => {
    const api = fakeApi({ 'PATCH /me': ok({ ...me, locale: 'zh-CN' }) });
    render(
      <Providers>
        <ProfileForm me={me} />
      </Providers>,
    );
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-CN' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('资料已保存。')).toBeInTheDocument();
    expect(screen.queryByText('Profile saved.')).not.toBeInTheDocument();
    expect(getLocale()).toBe('zh-CN');
    expect(screen.getByRole('button', { name: '保存' })).toBeInTheDocument();
    expect(api.calls('PATCH /me')[0]?.body).toMatchObject({ locale: 'zh-CN' });
  });

  it('keeps the reading language when only other fields change', async () => {
    fakeApi({ 'PATCH /me': ok({ ...me, nickname: 'Lily B' }) });
    render(
      <Providers>
        <ProfileForm me={me} />
      </Providers>,
    );
    fireEvent.change(screen.getByLabelText('Nickname'), { target: { value: 'Lily B' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Profile saved.')).toBeInTheDocument();
    expect(getLocale()).toBe('en');
  });
});
