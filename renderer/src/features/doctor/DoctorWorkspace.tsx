import { useDoctorStore } from '../../stores/doctor-store';
import { AppointmentScreen } from './AppointmentScreen';
import { MyDayScreen } from './MyDayScreen';
import { PrescriptionEditor } from './PrescriptionEditor';

/** "My day": the doctor's own schedule, an appointment's page, and the prescription editor. */
export function DoctorWorkspace({ zone }: { zone: string }) {
  const screen = useDoctorStore((state) => state.screen);
  if (screen.kind === 'appointment') return <AppointmentScreen appointmentId={screen.appointmentId} zone={zone} />;
  if (screen.kind === 'prescription') {
    return <PrescriptionEditor key={`${screen.appointmentId}-${screen.prescriptionId ?? 'new'}`} appointmentId={screen.appointmentId} prescriptionId={screen.prescriptionId} zone={zone} />;
  }
  return <MyDayScreen zone={zone} />;
}
