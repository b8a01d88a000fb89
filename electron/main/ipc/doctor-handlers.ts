import type { DoctorChannelName } from '../../../shared/ipc/doctor/channel-names';
import type { HandlersOf } from './handler-types';

/** One entry per doctor channel; each calls one service. */
export const doctorHandlers: HandlersOf<DoctorChannelName> = {};
