import { contract, isChannel, type Channel } from '../../../shared/ipc/contract';
import { roleMay } from '../../../shared/ipc/permissions';
import { fail, isAppFailure, ok, type Result } from '../../../shared/ipc/result';
import type { HandlerContext, Handlers } from './handler-types';

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  handlers: Handlers;
  context: HandlerContext;
  /** Where unexpected failures go; never receives the input (it may hold patient data). */
  reportInternalError?: (channel: Channel, error: unknown) => void;
}

function zodDetails(issues: readonly { path: PropertyKey[]; message: string }[]) {
  return {
    fields: issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message })),
  };
}

/**
 * Every channel goes through the same steps: validate, authorize from main's session, run one
 * handler, and turn whatever happens into a Result.
 */
export function createDispatcher({ handlers, context, reportInternalError }: DispatcherOptions): Dispatch {
  return async (channel, rawInput) => {
    if (!isChannel(channel)) return fail('NOT_FOUND', `Unknown channel: ${channel}`);
    const spec = contract[channel];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const details = zodDetails(parsed.error.issues);
      const first = details.fields[0];
      return fail('VALIDATION', first ? `${first.field || 'input'}: ${first.message}` : 'Invalid input', details);
    }
    const user = context.session.user;
    if (!roleMay(user?.role ?? null, spec.permission)) {
      return user
        ? fail('FORBIDDEN', `Your role may not use ${channel}.`)
        : fail('UNAUTHENTICATED', 'Sign in first.');
    }
    try {
      const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      return ok(await handler(parsed.data, context));
    } catch (error) {
      if (isAppFailure(error)) return fail(error.code, error.message, error.details);
      reportInternalError?.(channel, error);
      return fail('INTERNAL', 'Something went wrong; nothing was changed. Try again or tell your administrator.');
    }
  };
}
