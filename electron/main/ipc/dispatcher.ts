import { contract, isChannel, type Channel, type ChannelSpec } from '../../../shared/ipc/contract';
import { roleMay, type Permission } from '../../../shared/ipc/permissions';
import { AppFailure, fail, isAppFailure, ok, type Result } from '../../../shared/ipc/result';
import { offlinePolicyOf, queuedChangeOf } from '../../../shared/ipc/channel-spec';
import { auditedResource } from '../services/audit/audit-event';
import { isConnectionError } from '../services/sync/outbox/connection-errors';
import type { HandlerContext, Handlers } from './handler-types';

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  handlers: Handlers;
  context: HandlerContext;
  /** Where unexpected failures go; never receives the input (it may hold patient data). */
  reportInternalError?: (channel: Channel, error: unknown) => void;
}

/** What a locked workstation still answers: status, sign-in, unlock. */
const OPEN_WHILE_LOCKED: ReadonlySet<Permission> = new Set(['anyone', 'session.own']);

function zodDetails(issues: readonly { path: PropertyKey[]; message: string }[]) {
  return {
    fields: issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message })),
  };
}

/** Who made the call, taken when it arrived: a handler may sign the session out (a restore does). */
interface Caller {
  user: HandlerContext['session']['user'];
  sessionId: HandlerContext['session']['sessionId'];
}

async function writeAudit(
  context: HandlerContext,
  caller: Caller,
  channel: Channel,
  spec: ChannelSpec,
  input: unknown,
  output: unknown,
  outcome: 'allowed' | 'denied',
): Promise<void> {
  if (!spec.audit) return;
  const { resourceId, patientId } = auditedResource(spec.audit, input, output);
  await context.audit.record({
    user: caller.user,
    sessionId: caller.sessionId,
    workstation: context.session.workstation,
    channel,
    action: spec.audit.action,
    resourceType: spec.audit.resourceType,
    resourceId,
    patientId,
    outcome,
  });
}

/**
 * Every channel goes through the same steps: validate, authorize from main's session (and its
 * lock), run one handler, write the audit record for protected information, and turn whatever
 * happens into a Result.
 */
export function createDispatcher({ handlers, context, reportInternalError }: DispatcherOptions): Dispatch {
  const internal = (channel: Channel, error: unknown) => {
    reportInternalError?.(channel, error);
    return fail('INTERNAL', 'Something went wrong; nothing was changed. Try again or tell your administrator.');
  };

  return async (channel, rawInput) => {
    if (!isChannel(channel)) return fail('NOT_FOUND', `Unknown channel: ${channel}`);
    const spec: ChannelSpec = contract[channel];
    const user = context.session.user;
    const caller: Caller = { user, sessionId: context.session.sessionId };
    /**
     * A refusal of an audited channel is itself on record, whatever the input held: the attempt
     * shows in the trail. `input` is the parsed input when there is one, else the raw payload.
     */
    const refuse = async (failure: Result<never>, input: unknown): Promise<Result<unknown>> => {
      try {
        await writeAudit(context, caller, channel, spec, input, undefined, 'denied');
      } catch (error) {
        return internal(channel, error);
      }
      return failure;
    };
    // The role is checked first, so a refused role learns nothing about the channel's rules.
    if (!roleMay(user?.role ?? null, spec.permission)) {
      if (!user) return fail('UNAUTHENTICATED', 'Sign in first.');
      return refuse(fail('FORBIDDEN', `Your role may not use ${channel}.`), rawInput ?? {});
    }
    // Parsing runs refinements and transforms of the schema: anything they throw is a refusal, not a crash.
    let parsed: ReturnType<ChannelSpec['input']['safeParse']>;
    try {
      parsed = spec.input.safeParse(rawInput ?? {});
    } catch (error) {
      reportInternalError?.(channel, error);
      return fail('VALIDATION', 'input: This input cannot be read', { fields: [{ field: '', message: 'This input cannot be read' }] });
    }
    if (!parsed.success) {
      const details = zodDetails(parsed.error.issues);
      const first = details.fields[0];
      return fail('VALIDATION', first ? `${first.field || 'input'}: ${first.message}` : 'Invalid input', details);
    }
    if (user && !OPEN_WHILE_LOCKED.has(spec.permission) && context.session.isLocked()) {
      return fail('SESSION_LOCKED', 'This workstation is locked. Enter your password to continue.');
    }
    const outbox = context.sync.outbox;
    // Screens keep the pending ids of records made offline; once the replay has learned the server's, the call means those.
    const input = outbox ? await outbox.resolveIds(parsed.data).catch(() => parsed.data) : parsed.data;
    // Decided after the last await before the handler runs: queue() counts a local change from its first line.
    const offline = context.runtime.servingMirror ? offlinePolicyOf(spec) : null;
    if (offline === 'server') {
      return fail('OFFLINE', 'This needs the clinic server, which cannot be reached right now. It works again once the connection is back.');
    }
    try {
      const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      const run = () => handler(input, context);
      const queuedChange = queuedChangeOf(spec);
      let output: unknown;
      if (offline === 'queue' && user && outbox) {
        // While the server is away a change is applied to the mirror and queued for the server.
        output = await outbox.queue(channel, input, user, run);
      } else if (offline === null && queuedChange && !queuedChange.unkeyedOnline && user && outbox) {
        // Online, a change that loses the server mid-way is queued rather than lost (its outcome is unknown).
        const mirror = context.runtime.mirrorView();
        const runOnMirror = () => (mirror ? handler(input, { ...context, runtime: mirror }) : Promise.reject(new AppFailure('STORE_UNAVAILABLE', 'No copy of the clinic on this workstation.')));
        output = await outbox.sendOnline(channel, input, user, run, runOnMirror);
      } else {
        output = await run();
      }
      // Patient data leaves main only once its access is on record.
      await writeAudit(context, caller, channel, spec, input, output, 'allowed');
      return ok(output);
    } catch (error) {
      if (isAppFailure(error) && error.code === 'OFFLINE_QUEUED') {
        // Kept and sent once the server answers, as a change made offline is: its access is on record like one.
        try {
          await writeAudit(context, caller, channel, spec, input, undefined, 'allowed');
        } catch (auditError) {
          return internal(channel, auditError);
        }
        return fail(error.code, error.message, error.details);
      }
      if (context.runtime.config?.mode === 'networked' && isConnectionError(error)) {
        // The server went away under this call: check now rather than at the next probe.
        void context.sync.monitor?.suspectOutage();
        if (!isAppFailure(error)) {
          return fail(
            'SERVER_UNREACHABLE',
            'The clinic server stopped answering, so this was not saved. In a few seconds the workstation works from its own copy: try again then.',
          );
        }
      }
      if (isAppFailure(error)) {
        const failure = fail(error.code, error.message, error.details);
        // a record-level refusal (another doctor's patient, ...) is an attempt like a role refusal
        return error.code === 'FORBIDDEN' ? refuse(failure, parsed.data) : failure;
      }
      return internal(channel, error);
    }
  };
}
