import type { OnCancelled } from '../services/availability/doctor-availability';
import type { HandlerContext } from './handler-types';

/**
 * Each appointment a schedule change cancels (an admin's, or a doctor's own) is on the audit
 * trail like a cancellation at the desk, under the channel that caused it.
 */
export function auditEachCancellation(ctx: HandlerContext, channel: string): OnCancelled {
  return async (appointment) =>
    ctx.audit.record({
      user: ctx.session.user,
      sessionId: ctx.session.sessionId,
      workstation: ctx.session.workstation,
      channel,
      action: 'cancel_appointment',
      resourceType: 'appointment',
      resourceId: appointment.id,
      patientId: appointment.patientId,
      outcome: 'allowed',
    });
}
