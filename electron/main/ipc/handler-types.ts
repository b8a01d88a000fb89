import type { Channel, ChannelOutput, ParsedInput } from '../../../shared/ipc/contract';
import { AppFailure, type Result } from '../../../shared/ipc/result';
import type { SessionUser } from '../../../shared/ipc/types';
import type { AppRuntime } from '../runtime/app-runtime';
import type { AuditRecorder } from '../services/audit/audit-event';
import type { BackupService } from '../services/backup/backup-service';
import type { WorkstationSync } from '../services/sync/sync-status';
import type { EpochMinuteClock } from '../../../shared/domain/clock';
import type { WorkstationSession } from '../session';

export interface HandlerContext {
  runtime: AppRuntime;
  session: WorkstationSession;
  clock: EpochMinuteClock;
  audit: AuditRecorder;
  backups: BackupService;
  sync: WorkstationSync;
  /** The dispatcher itself, for a handler that runs another channel as the same user (resolving a conflict). */
  dispatch?: (channel: string, input: unknown) => Promise<Result<unknown>>;
}

export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: HandlerContext) => Promise<ChannelOutput<C>>;

export type HandlersOf<C extends Channel> = { [K in C]: Handler<K> };
export type Handlers = HandlersOf<Channel>;

/** The dispatcher has already checked the role; this narrows the type for handlers that act as the user. */
export function signedInUser(ctx: HandlerContext): SessionUser {
  const user = ctx.session.user;
  if (!user) throw new AppFailure('UNAUTHENTICATED', 'Sign in first.');
  return user;
}
