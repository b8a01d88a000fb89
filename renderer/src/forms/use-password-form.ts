import { useState } from 'react';
import type { DefaultValues, FieldValues, Path, PathValue } from 'react-hook-form';
import type { z } from 'zod';
import type { AppError, Result } from '../../../shared/ipc/result';
import { useZodForm, type ZodForm } from './use-zod-form';

/**
 * A form that sends a password (signing in, unlocking, a patient at the kiosk, staff leaving kiosk
 * mode): a refusal shows main's error and empties the password, so nobody behind the person sees
 * it typed again or reuses it. With `refocus`, the cursor goes back into the emptied password for
 * the next try.
 */
export function usePasswordForm<Values extends FieldValues & { password: string }, Output>(
  schema: z.ZodType<Output, Values>,
  defaultValues: DefaultValues<Values>,
  send: (values: Output) => Promise<Result<unknown>>,
  { refocus = false }: { refocus?: boolean } = {},
): ZodForm<Values, Output> & { error: AppError | null; onSubmit: ReturnType<ZodForm<Values, Output>['handleSubmit']> } {
  const [error, setError] = useState<AppError | null>(null);
  const form = useZodForm(schema, defaultValues);
  const password = 'password' as Path<Values>;
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await send(values);
    if (result.ok) return;
    setError(result.error);
    form.resetField(password, { defaultValue: '' as PathValue<Values, Path<Values>> });
    if (refocus) form.setFocus(password);
  });
  return { ...form, error, onSubmit };
}
