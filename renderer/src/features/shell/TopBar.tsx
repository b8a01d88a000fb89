import type { AppStatus, SessionUser } from '../../../../shared/ipc/types';
import { useAppStore } from '../../stores/app-store';
import { StoreIndicator } from './StoreIndicator';
import { UserBadge } from './UserBadge';

export function TopBar({ status, user, onOpenConflicts }: { status: AppStatus; user: SessionUser; onOpenConflicts?: () => void }) {
  const lock = useAppStore((state) => state.lock);
  const signOut = useAppStore((state) => state.signOut);
  return (
    <header className="top-bar">
      <div className="top-bar__clinic">
        <p className="top-bar__eyebrow">Clinic</p>
        <p className="top-bar__clinic-name" data-testid="clinic-name">
          {status.clinicName}
        </p>
      </div>
      <div className="top-bar__end">
        <StoreIndicator status={status} onOpenConflicts={onOpenConflicts} />
        <span className="top-bar__divider" aria-hidden="true" />
        <UserBadge user={user} />
        <div className="top-bar__actions">
          <button type="button" className="button button--ghost button--small" onClick={() => void lock()}>
            <svg className="button__icon" viewBox="0 0 16 16" aria-hidden="true">
              <rect x="3" y="7" width="10" height="7" rx="1.5" />
              <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
            </svg>
            Lock
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
