import type { ReactNode } from 'react';
import { BrandMark } from '../../components/BrandMark';
import { SECTION_LABEL, type Section } from './sections';

const ICONS: Record<Section, ReactNode> = {
  calendar: (
    <>
      <rect x="3" y="4.5" width="14" height="12.5" rx="2.5" />
      <path d="M3 8.5h14M7 2.5v4M13 2.5v4" />
    </>
  ),
  staff: (
    <>
      <circle cx="8" cy="7" r="3" />
      <path d="M2.5 16.5c.6-2.8 2.8-4.5 5.5-4.5s4.9 1.7 5.5 4.5M13 4.2a3 3 0 0 1 0 5.6M15 12.4c1.3.7 2.2 2.1 2.5 4.1" />
    </>
  ),
  audit: (
    <>
      <path d="M5 2.5h7l3.5 3.5v11.5H5z" />
      <path d="M12 2.5V6h3.5M8 10h5M8 13h5" />
    </>
  ),
  messages: (
    <>
      <rect x="2.5" y="4.5" width="15" height="11" rx="2" />
      <path d="M3 5.5l7 5.5 7-5.5" />
    </>
  ),
};

/** The app's sections. Only the built ones the user may open are listed. */
export function SideNav({
  sections,
  current,
  onSelect,
}: {
  sections: Section[];
  current: Section;
  onSelect: (section: Section) => void;
}) {
  return (
    <nav className="side-nav" aria-label="Main">
      <div className="brand side-nav__brand">
        <BrandMark size={28} />
        <span className="brand__name">Clinic Desk</span>
      </div>
      <ul className="side-nav__list">
        {sections.map((section) => (
          <li key={section}>
            <a
              className="side-nav__link"
              href={`#${section}`}
              aria-current={section === current ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                onSelect(section);
              }}
            >
              <svg className="side-nav__icon" viewBox="0 0 20 20" aria-hidden="true">
                {ICONS[section]}
              </svg>
              {SECTION_LABEL[section]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
