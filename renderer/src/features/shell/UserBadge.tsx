import type { Role } from '../../../../shared/ipc/permissions';
import type { SessionUser } from '../../../../shared/ipc/types';

const ROLE_LABEL: Record<Role, string> = {
  super_admin: 'Super admin',
  admin: 'Admin',
  front_desk: 'Front desk',
  doctor: 'Doctor',
  patient: 'Patient',
};

function initialsOf(name: string): string {
  // Titles such as "Dr." are not part of the initials.
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => word && !word.endsWith('.'));
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => word?.[0]?.toUpperCase() ?? '').join('');
}

/** Who is signed in on this workstation. */
export function UserBadge({ user }: { user: SessionUser }) {
  return (
    <div className="user-badge">
      <span className="user-badge__avatar" aria-hidden="true">
        {initialsOf(user.displayName)}
      </span>
      <span className="user-badge__text">
        <span className="user-badge__name">{user.displayName}</span>
        <span className="user-badge__role">{ROLE_LABEL[user.role]}</span>
      </span>
    </div>
  );
}
