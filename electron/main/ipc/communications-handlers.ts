import type { CommunicationChannelName } from '../../../shared/ipc/communications/channel-names';
import {
  readCommunicationSettings,
  readTemplates,
  saveCommunicationSettings,
  saveTemplates,
  settingAuthor,
} from '../services/communications/communication-settings';
import {
  findPatients,
  patientCommunications,
  recordConfirmation,
  searchCommunicationLog,
  setEmailOptOut,
} from '../services/communications/communication-log';
import { passwordKeeper, runMessagesNow } from '../services/communications/message-service';
import { sendTestMessage } from '../services/communications/test-message';
import { signedInUser, type HandlersOf } from './handler-types';

/** One entry per communications channel; each calls one service. */
export const communicationHandlers: HandlersOf<CommunicationChannelName> = {
  'communications.settings.get': async (_input, { runtime }) => readCommunicationSettings(runtime.stores().sql, passwordKeeper(runtime)),
  'communications.settings.save': async (input, ctx) =>
    saveCommunicationSettings(ctx.runtime.stores().sql, passwordKeeper(ctx.runtime), input, settingAuthor(signedInUser(ctx))),
  'communications.settings.sendTest': async (input, { runtime }) => sendTestMessage(runtime.stores().sql, passwordKeeper(runtime), input.to),
  'communications.templates.get': async (_input, { runtime }) => readTemplates(runtime.stores().sql),
  'communications.templates.save': async (input, ctx) => saveTemplates(ctx.runtime.stores().sql, input.templates, settingAuthor(signedInUser(ctx))),
  'communications.job.runNow': async (_input, { runtime, session, clock }) => runMessagesNow(runtime, session.workstation, clock),
  'communications.log.search': async (input, { runtime }) => searchCommunicationLog(runtime.stores(), input),
  'communications.patient.history': async (input, { runtime }) => patientCommunications(runtime.stores(), input.patientId),
  'communications.patient.find': async (input, { runtime }) => findPatients(runtime.stores().sql, input.query),
  'communications.patient.setEmailOptOut': async (input, { runtime }) => setEmailOptOut(runtime.stores(), input.patientId, input.optOut),
  'communications.appointment.recordConfirmation': async (input, { runtime, clock }) => recordConfirmation(runtime.stores(), input, clock),
};
