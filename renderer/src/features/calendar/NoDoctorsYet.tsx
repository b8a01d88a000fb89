export function NoDoctorsYet() {
  return (
    <div className="empty-state" role="note">
      <svg className="empty-state__icon" viewBox="0 0 48 48" aria-hidden="true">
        <rect x="7" y="10" width="34" height="31" rx="6" />
        <path d="M7 19h34M16 6v8M32 6v8M20 30h8M24 26v8" />
      </svg>
      <p className="empty-state__title">No doctors yet</p>
      <p className="empty-state__text">An admin adds doctors in Admin. Their schedules and appointments appear here.</p>
    </div>
  );
}
