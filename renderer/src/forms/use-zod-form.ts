import {
  get,
  useForm,
  type DefaultValues,
  type FieldError,
  type FieldErrors,
  type FieldPath,
  type FieldValues,
  type UseFormRegisterReturn,
  type UseFormReturn,
} from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';

/** What a field component takes from its form: how it is registered and its message, if any. */
export interface BoundField {
  registration: UseFormRegisterReturn;
  error: string | undefined;
}

export type ZodForm<Values extends FieldValues, Output> = UseFormReturn<Values, unknown, Output> & {
  errors: FieldErrors<Values>;
  isSubmitting: boolean;
  field: (name: FieldPath<Values>) => BoundField;
};

/**
 * A form whose values are checked by a zod schema, set up the way every form of the app is: the
 * fields hold the schema's input, submit receives its output. `errors` and `isSubmitting` are read
 * here, during render, which is what subscribes the form to them (formState is a proxy), and
 * `field(name)` hands a field component its registration together with its message.
 */
export function useZodForm<Values extends FieldValues, Output>(
  schema: z.ZodType<Output, Values>,
  defaultValues: DefaultValues<Values>,
): ZodForm<Values, Output> {
  const form = useForm<Values, unknown, Output>({ resolver: zodResolver(schema), defaultValues });
  const { errors, isSubmitting } = form.formState;
  const field = (name: FieldPath<Values>): BoundField => ({
    registration: form.register(name),
    error: (get(errors, name) as FieldError | undefined)?.message,
  });
  return { ...form, errors, isSubmitting, field };
}
