import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type PathValue } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import type { AppError, Result } from '../../../../shared/ipc/result';

/**
 * A name-and-password form at the kiosk (a patient signing in, staff leaving kiosk mode): a
 * refusal shows main's error and empties the password, so nobody behind the person sees it
 * typed again or reuses it.
 */
export function usePasswordForm<Values extends FieldValues & { password: string }>(
  schema: z.ZodType<Values, Values>,
  defaultValues: DefaultValues<Values>,
  send: (values: Values) => Promise<Result<unknown>>,
) {
  const [error, setError] = useState<AppError | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues });
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await send(values);
    if (!result.ok) {
      setError(result.error);
      form.resetField('password' as Path<Values>, { defaultValue: '' as PathValue<Values, Path<Values>> });
    }
  });
  return { form, error, onSubmit };
}
