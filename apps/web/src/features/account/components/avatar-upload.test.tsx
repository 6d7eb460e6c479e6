import { LIMITS } from '@folio/schema';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../../../app/providers';
import { setSession } from '../../../lib/auth-store';
import { setLocale } from '../../../lib/i18n';
import { authResult, fail, fakeApi, me, ok } from '../../../test/fake-api';
import { AvatarUpload } from './avatar-upload';
import { UserAvatar } from './user-avatar';

const png = (size = 64) => new File([new Uint8Array(size)], 'me.png', { type: 'image/png' });

function renderUpload(who = me) {
  render(
    <Providers>
      <AvatarUpload me={who} />
    </Providers>,
  );
  const section = screen.getByTestId('avatar-upload');
  const input = screen.getByTestId('avatar-input');
  const choose = (file: File) => fireEvent.change(input, { target: { files: [file] } });
  return { section, input, choose };
}

describe('<AvatarUpload>', () => {
  beforeEach(() => {
    setLocale('en');
    setSession(authResult());
    // jsdom has no object URLs; the preview only needs a distinct string per file.
    let next = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:preview-${++next}`);
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refuses a text file in the browser: a field message naming the types, no preview, nothing sent', () => {
    const api = fakeApi({ 'POST /me/avatar': ok(me) });
    const { section, input, choose } = renderUpload();
    choose(new File(['hello'], 'notes.txt', { type: 'text/plain' }));

    expect(within(section).getByTestId('field-error')).toHaveTextContent(
      'That file is not a picture we take: choose a JPEG, PNG, WebP or GIF image.',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(within(section).queryByRole('img')).not.toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Upload' })).not.toBeInTheDocument();
    expect(URL.createObjectURL).not.toHaveBeenCalled();
    expect(api.requests).toHaveLength(0);
  });

  it('says it in Chinese for a Chinese reader', () => {
    setLocale('zh-CN');
    fakeApi({});
    const { section, choose } = renderUpload();
    choose(new File(['%PDF-1.7'], 'cv.pdf', { type: 'application/pdf' }));
    expect(within(section).getByTestId('field-error')).toHaveTextContent(
      '该文件不是可用的图片，请选择 JPEG、PNG、WebP 或 GIF 图片。',
    );
    expect(within(section).getByText(/不超过 2 MB/)).toBeInTheDocument();
  });

  it('refuses a picture over the size limit before sending it', () => {
    const api = fakeApi({ 'POST /me/avatar': ok(me) });
    const { section, choose } = renderUpload();
    choose(png(LIMITS.avatarBytes + 1));
    expect(within(section).getByTestId('field-error')).toHaveTextContent(
      'That picture is larger than 2 MB: choose one of at most 2 MB.',
    );
    expect(api.requests).toHaveLength(0);
  });

  it("shows the API's errors.avatar under the field, not in a toast", async () => {
    fakeApi({
      'POST /me/avatar': fail(422, 'VALIDATION_FAILED', 'Some fields are not valid.', {
        avatar: 'imageInvalid',
      }),
    });
    const { section, input, choose } = renderUpload();
    choose(png());
    fireEvent.click(within(section).getByRole('button', { name: 'Upload' }));

    expect(await within(section).findByTestId('field-error')).toHaveTextContent(
      'Upload a JPEG, PNG, WebP or GIF image of at most 2 MB.',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('Some fields are not valid.')).not.toBeInTheDocument();
  });

  it('shows the field message of a 413 too', async () => {
    fakeApi({
      'POST /me/avatar': fail(413, 'PAYLOAD_TOO_LARGE', 'The request is too large.', {
        avatar: 'imageInvalid',
      }),
    });
    const { section, choose } = renderUpload();
    choose(png());
    fireEvent.click(within(section).getByRole('button', { name: 'Upload' }));
    expect(await within(section).findByTestId('field-error')).toHaveTextContent(
      'Upload a JPEG, PNG, WebP or GIF image of at most 2 MB.',
    );
  });

  it('says a failure that names no field in a toast', async () => {
    fakeApi({
      'POST /me/avatar': fail(415, 'UNSUPPORTED_MEDIA_TYPE', 'That content type is not supported.'),
    });
    const { section, choose } = renderUpload();
    choose(png());
    fireEvent.click(within(section).getByRole('button', { name: 'Upload' }));
    expect(await screen.findByText('That content type is not supported.')).toBeInTheDocument();
    expect(within(section).queryByTestId('field-error')).not.toBeInTheDocument();
  });

  it('previews and uploads a good image', async () => {
    const api = fakeApi({
      'POST /me/avatar': ok({ ...me, avatarUrl: '/uploads/avatars/7-abcdefghijklmnop.webp' }),
    });
    const { section, choose } = renderUpload();
    const file = png();
    choose(file);
    expect(within(section).getByRole('img', { name: 'Your new picture' })).toHaveAttribute(
      'src',
      'blob:preview-1',
    );
    fireEvent.click(within(section).getByRole('button', { name: 'Upload' }));

    expect(await screen.findByText('Picture updated.')).toBeInTheDocument();
    const [sent] = api.calls('POST /me/avatar');
    expect(sent?.body).toBeInstanceOf(FormData);
    expect((sent?.body as FormData).get('avatar')).toBe(file);
    expect(within(section).queryByTestId('field-error')).not.toBeInTheDocument();
  });

  it('falls back to the placeholder when the preview cannot be drawn, and offers no upload', () => {
    const api = fakeApi({ 'POST /me/avatar': ok(me) });
    const { section, choose } = renderUpload();
    // Named .png, but not a picture: the browser's type comes from the name.
    choose(new File(['not really'], 'fake.png', { type: 'image/png' }));
    fireEvent.error(within(section).getByRole('img', { name: 'Your new picture' }));

    expect(within(section).queryByRole('img')).not.toBeInTheDocument();
    expect(within(section).getByTestId('avatar-placeholder')).toHaveAttribute('data-initial', 'L');
    expect(within(section).getByTestId('field-error')).toHaveTextContent(
      'That file could not be shown as a picture',
    );
    expect(within(section).queryByRole('button', { name: 'Upload' })).not.toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });
});

describe('<UserAvatar>', () => {
  it('shows the first letter when the saved picture fails to load', () => {
    render(<UserAvatar me={{ nickname: 'lily', avatarUrl: '/uploads/avatars/gone.webp' }} />);
    const img = document.querySelector('img');
    expect(img).not.toBeNull();
    fireEvent.error(img!);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByTestId('avatar-placeholder')).toHaveAttribute('data-initial', 'L');
  });
});
