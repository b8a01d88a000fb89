import { useState } from 'react';
import { BrandMark } from '../../components/BrandMark';
import { useAppStore } from '../../stores/app-store';
import { useKioskStore } from '../../stores/kiosk-store';
import { KioskHome } from './KioskHome';
import { KioskWelcome } from './KioskWelcome';
import { StaffExitDialog } from './StaffExitDialog';
import { useKioskIdle } from './use-kiosk-idle';

/**
 * The workstation as a patient kiosk: a calm, large-type page for patients. The patient's page is
 * keyed on the session epoch, so the next patient's page starts from nothing, and the kiosk store
 * is cleared whenever the person changes.
 */
export function KioskScreen({ clinicName }: { clinicName: string | null }) {
  const user = useAppStore((state) => state.user);
  const epoch = useAppStore((state) => state.sessionEpoch);
  const done = useKioskStore((state) => state.done);
  const [leaving, setLeaving] = useState(false);
  useKioskIdle();

  return (
    <div className="kiosk">
      <header className="kiosk__bar">
        <div className="kiosk__brand">
          <BrandMark size={36} />
          <span className="kiosk__clinic">{clinicName ?? 'Clinic Desk'}</span>
        </div>
        <div className="kiosk__bar-actions">
          {user ? (
            <button type="button" className="kiosk-button kiosk-button--done" onClick={() => void done()}>
              Done
            </button>
          ) : (
            <button type="button" className="kiosk__staff" onClick={() => setLeaving(true)}>
              Staff
            </button>
          )}
        </div>
      </header>
      <main className="kiosk__main" aria-label="Patient kiosk">
        {user && user.role === 'patient' ? <KioskHome key={epoch} user={user} /> : <KioskWelcome key={epoch} clinicName={clinicName} />}
      </main>
      {user ? <p className="kiosk__footer">For your privacy you will be signed out automatically after a short while without use.</p> : null}
      {leaving && !user ? <StaffExitDialog onClose={() => setLeaving(false)} /> : null}
    </div>
  );
}
