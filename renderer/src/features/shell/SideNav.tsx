import { BrandMark } from '../../components/BrandMark';

/** The app's sections. Only the built ones are listed: a section appears when it works. */
export function SideNav() {
  return (
    <nav className="side-nav" aria-label="Main">
      <div className="brand side-nav__brand">
        <BrandMark size={28} />
        <span className="brand__name">Clinic Desk</span>
      </div>
      <ul className="side-nav__list">
        <li>
          <a className="side-nav__link" href="#calendar" aria-current="page">
            <svg className="side-nav__icon" viewBox="0 0 20 20" aria-hidden="true">
              <rect x="3" y="4.5" width="14" height="12.5" rx="2.5" />
              <path d="M3 8.5h14M7 2.5v4M13 2.5v4" />
            </svg>
            Calendar
          </a>
        </li>
      </ul>
    </nav>
  );
}
