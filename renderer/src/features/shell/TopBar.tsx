import type { AppStatus, SessionUser } from '../../../../shared/ipc/types';
import { StoreIndicator } from './StoreIndicator';
import { UserBadge } from './UserBadge';

export function TopBar({ status, user }: { status: AppStatus; user: SessionUser }) {
  return (
    <header className="top-bar">
      <div className="top-bar__clinic">
        <p className="top-bar__eyebrow">Clinic</p>
        <p className="top-bar__clinic-name" data-testid="clinic-name">
          {status.clinicName}
        </p>
      </div>
      <div className="top-bar__end">
        <StoreIndicator status={status} />
        <span className="top-bar__divider" aria-hidden="true" />
        <UserBadge user={user} />
      </div>
    </header>
  );
}
