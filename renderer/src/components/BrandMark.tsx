/** The app's mark: a calendar page with a cross, drawn inline so it needs no asset request. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg className="brand-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect className="brand-mark__tile" x="1" y="1" width="30" height="30" rx="8" />
      <path className="brand-mark__cross" d="M13.5 9h5v4.5H23v5h-4.5V23h-5v-4.5H9v-5h4.5z" />
    </svg>
  );
}

/** The mark with the app's name beside it, as the sign-in, lock, first-run and error screens and the side bar show it. */
export function Brand({ size, className = 'brand' }: { size: number; className?: string }) {
  return (
    <div className={className}>
      <BrandMark size={size} />
      <span className="brand__name">Clinic Desk</span>
    </div>
  );
}
