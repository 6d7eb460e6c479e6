import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError } from './api-client';
import { setLocale } from './i18n';
import { useFormErrors } from './use-form-errors';

const Body = z.object({ name: z.string().min(1, 'required') });

describe('useFormErrors', () => {
  beforeEach(() => setLocale('en'));

  it('gives the data when the values pass, and the field errors when they do not', () => {
    const { result } = renderHook(() => useFormErrors());
    let data: unknown;
    act(() => {
      data = result.current.check(Body, { name: '' });
    });
    expect(data).toBeNull();
    expect(result.current.errors).toEqual({ name: 'required' });
    act(() => {
      data = result.current.check(Body, { name: 'Ann' });
    });
    expect(data).toEqual({ name: 'Ann' });
    expect(result.current.errors).toEqual({});
  });

  it("stops on the form's own errors, but not on an empty one that clears a field", () => {
    const { result } = renderHook(() => useFormErrors());
    let data: unknown;
    act(() => {
      data = result.current.check(Body, { name: 'Ann' }, { phone: 'phoneInvalid' });
    });
    expect(data).toBeNull();
    expect(result.current.errors).toEqual({ phone: 'phoneInvalid' });
    act(() => {
      data = result.current.check(Body, { name: 'Ann' }, { phone: '' });
    });
    expect(data).toEqual({ name: 'Ann' });
  });

  it("shows the API's field errors under the fields and anything else as the failure", () => {
    const { result } = renderHook(() => useFormErrors());
    act(() => {
      result.current.onApiError(
        new ApiError('VALIDATION_FAILED', 'Check the form', { name: 'taken' }, 422),
      );
    });
    expect(result.current.errors).toEqual({ name: 'taken' });
    expect(result.current.failure).toBeNull();
    act(() => {
      result.current.onApiError(new ApiError('RATE_LIMITED', 'Slow down', undefined, 429));
    });
    expect(result.current.errors).toEqual({});
    expect(result.current.failure).toBe('Slow down');
    act(() => {
      result.current.check(Body, { name: 'Ann' });
    });
    expect(result.current.failure).toBeNull();
  });

  it("hands the failure to onFailure when given, and words errors that are not the API's", () => {
    const onFailure = vi.fn();
    const { result } = renderHook(() => useFormErrors(onFailure));
    act(() => {
      result.current.onApiError(new TypeError('boom'));
    });
    expect(onFailure).toHaveBeenCalledWith('Something unexpected went wrong.');
    expect(result.current.failure).toBeNull();
  });
});
