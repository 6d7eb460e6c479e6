import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../app/providers';
import { setLocale } from '../lib/i18n';
import { captcha, fail, fakeApi, ok } from '../test/fake-api';
import { SmsCodeField } from './sms-code-field';

function Harness({ phone = '+8613800138000' }: { phone?: string | null }) {
  const [code, setCode] = useState('');
  return (
    <Providers>
      <SmsCodeField purpose="register" phone={() => phone} code={code} onCodeChange={setCode} />
    </Providers>
  );
}

async function typeCaptcha(text = 'ab12') {
  const input = await screen.findByLabelText('Picture code');
  await screen.findByRole('img', { name: 'Characters to type' });
  fireEvent.change(input, { target: { value: text } });
}

const sendButton = () => screen.getByTestId('send-code');

describe('SmsCodeField', () => {
  beforeEach(() => {
    setLocale('en');
    // Only the countdown's clock is faked: the API answers and the toasts keep real time.
    // test/setup.ts goes back to real timers once the test's components are unmounted.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  });

  it('asks for a code, then counts down the cooldown the API gave before allowing another', async () => {
    const api = fakeApi({
      'GET /captcha': [ok(captcha('c1')), ok(captcha('c2'))],
      'POST /auth/sms-codes': ok({ cooldownSeconds: 60, expiresInSeconds: 300 }),
    });
    render(<Harness />);
    await typeCaptcha('ab12');

    fireEvent.click(sendButton());
    expect(await screen.findByText('Resend in 60 s')).toBeInTheDocument();
    expect(sendButton()).toBeDisabled();
    expect(api.calls('POST /auth/sms-codes')[0]?.body).toEqual({
      phone: '+8613800138000',
      purpose: 'register',
      captchaId: 'c1',
      captchaText: 'ab12',
    });
    expect(await screen.findByText('A code is on its way by SMS.')).toBeInTheDocument();

    act(() => vi.advanceTimersByTime(1000));
    expect(sendButton()).toHaveTextContent('Resend in 59 s');
    act(() => vi.advanceTimersByTime(58_000));
    expect(sendButton()).toHaveTextContent('Resend in 1 s');
    expect(sendButton()).toBeDisabled();
    // The picture that sent the code is spent: no fresh, unused picture waits on screen meanwhile.
    expect(screen.queryByLabelText('Picture code')).not.toBeInTheDocument();
    expect(api.calls('GET /captcha')).toHaveLength(1);

    act(() => vi.advanceTimersByTime(1000));
    expect(sendButton()).toHaveTextContent('Send again');
    expect(sendButton()).toBeEnabled();
    expect(screen.queryByLabelText('Picture code')).not.toBeInTheDocument();

    // Asking again brings a new picture to answer first.
    fireEvent.click(sendButton());
    expect(api.calls('POST /auth/sms-codes')).toHaveLength(1);
    await typeCaptcha('cd34');
    expect(screen.getByLabelText('Picture code')).toHaveFocus();
    expect(api.calls('GET /captcha')).toHaveLength(2);
    expect(sendButton()).toHaveTextContent('Send code');
    fireEvent.click(sendButton());
    expect(await screen.findByText('Resend in 60 s')).toBeInTheDocument();
    expect(api.calls('POST /auth/sms-codes')[1]?.body).toMatchObject({
      captchaId: 'c2',
      captchaText: 'cd34',
    });
    expect(screen.queryByLabelText('Picture code')).not.toBeInTheDocument();
  });

  it('shows no picture while a code sent elsewhere counts down', async () => {
    const api = fakeApi({ 'GET /captcha': ok(captcha('c1')) });
    render(
      <Providers>
        <SmsCodeField
          purpose="reset"
          phone={() => '+8613800138000'}
          code=""
          onCodeChange={() => undefined}
          initialCooldown={60}
        />
      </Providers>,
    );
    expect(sendButton()).toHaveTextContent('Resend in 60 s');
    expect(screen.queryByLabelText('Picture code')).not.toBeInTheDocument();
    act(() => vi.advanceTimersByTime(60_000));
    expect(sendButton()).toHaveTextContent('Send again');
    expect(api.calls('GET /captcha')).toHaveLength(0);
    fireEvent.click(sendButton());
    await typeCaptcha();
    expect(api.calls('GET /captcha')).toHaveLength(1);
  });

  it('keeps the picture up, with a new one, when the request is refused', async () => {
    const api = fakeApi({
      'GET /captcha': [ok(captcha('c1')), ok(captcha('c2'))],
      'POST /auth/sms-codes': fail(422, 'VALIDATION_FAILED', 'Check the fields.', {
        phone: 'phoneInvalid',
      }),
    });
    render(<Harness />);
    await typeCaptcha();
    fireEvent.click(sendButton());
    await waitFor(() => expect(api.calls('GET /captcha')).toHaveLength(2));
    expect(screen.getByLabelText('Picture code')).toHaveValue('');
    expect(screen.getByTestId('captcha-picture')).toHaveAttribute('data-captcha-id', 'c2');
  });

  it('waits as long as Retry-After says when the API refuses for too many codes', async () => {
    fakeApi({
      'GET /captcha': ok(captcha()),
      'POST /auth/sms-codes': {
        ...fail(429, 'RATE_LIMITED', 'Too many requests, please wait.'),
        headers: { 'Retry-After': '17' },
      },
    });
    render(<Harness />);
    await typeCaptcha();
    fireEvent.click(sendButton());
    expect(await screen.findByText('Resend in 17 s')).toBeInTheDocument();
    expect(await screen.findByText('Too many requests, please wait.')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(17_000));
    expect(sendButton()).toHaveTextContent('Send code');
  });

  it('shows a wrong picture code under the captcha and does not count down', async () => {
    fakeApi({
      'GET /captcha': ok(captcha()),
      'POST /auth/sms-codes': fail(422, 'CAPTCHA_INVALID', 'The picture code is wrong.', {
        captchaText: 'captchaWrong',
      }),
    });
    render(<Harness />);
    await typeCaptcha();
    fireEvent.click(sendButton());
    expect(await screen.findByText('Wrong picture code.')).toBeInTheDocument();
    expect(sendButton()).toHaveTextContent('Send code');
  });

  it('asks nothing without a captcha answer or a valid phone', async () => {
    const api = fakeApi({ 'GET /captcha': ok(captcha()) });
    const { unmount } = render(<Harness />);
    await screen.findByRole('img', { name: 'Characters to type' });
    fireEvent.click(sendButton());
    expect(await screen.findByText('Required.')).toBeInTheDocument();
    unmount();

    render(<Harness phone={null} />);
    await typeCaptcha();
    fireEvent.click(sendButton());
    expect(api.calls('POST /auth/sms-codes')).toHaveLength(0);
  });
});
