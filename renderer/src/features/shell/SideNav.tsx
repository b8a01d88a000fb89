import { createElement } from 'react';
import { Brand } from '../../components/BrandMark';
import { groupOf, SECTION_LABEL, type Section } from './sections';

/** One drawn part of a section icon (a 20×20 line drawing): the SVG element and its attributes. */
type IconPart = readonly ['path' | 'circle' | 'rect' | 'ellipse', Readonly<Record<string, string | number>>];

const path = (d: string): IconPart => ['path', { d }];
const circle = (cx: number, cy: number, r: number): IconPart => ['circle', { cx, cy, r }];
const ellipse = (cx: number, cy: number, rx: number, ry: number): IconPart => ['ellipse', { cx, cy, rx, ry }];
const rect = (x: number, y: number, width: number, height: number, rx: number, transform?: string): IconPart => [
  'rect',
  transform ? { x, y, width, height, rx, transform } : { x, y, width, height, rx },
];

const MAGNIFIER = [circle(8.5, 8.5, 5), path('M12.2 12.2L17 17')];

const ICONS: Record<Section, readonly IconPart[]> = {
  messages: [rect(2.5, 4.5, 15, 11, 2), path('M3 5.5l7 5.5 7-5.5')],
  myDay: [path('M7 3v4.5a3 3 0 0 0 6 0V3'), path('M10 10.5v2.5a3.5 3.5 0 0 0 7 0v-1'), circle(17, 10.5, 1.5)],
  myHours: [circle(10, 10, 7), path('M10 6v4l2.5 2.5')],
  doctors: [circle(10, 6, 3.2), path('M3.5 17.5c.7-3.2 3.3-5 6.5-5s5.8 1.8 6.5 5M10 12.5v3M8.5 14h3')],
  reports: [path('M3 17h14'), path('M5.5 14V9M10 14V4.5M14.5 14v-7')],
  medications: [rect(3, 7.5, 14, 5, 2.5, 'rotate(-45 10 10)'), path('M7.9 7.9l4.2 4.2')],
  settings: [
    circle(10, 10, 2.6),
    path('M10 2.5v2.2M10 15.3v2.2M2.5 10h2.2M15.3 10h2.2M4.7 4.7l1.6 1.6M13.7 13.7l1.6 1.6M4.7 15.3l1.6-1.6M13.7 6.3l1.6-1.6'),
  ],
  kiosk: [rect(5, 2.5, 10, 13, 1.5), path('M8 18h4M10 15.5V18M8 12.5h4')],
  feedback: [path('M3 4.5h14v9H9l-4 3v-3H3z'), path('M7 8h6M7 10.5h4')],
  ratings: [path('M10 2.8l2.2 4.6 5 .6-3.7 3.4 1 5L10 13.9l-4.5 2.5 1-5L2.8 8l5-.6z')],
  myFeedback: [
    path('M3 4.5h14v9H9l-4 3v-3H3z'),
    path('M10 6.5l.9 1.8 2 .3-1.5 1.4.4 2-1.8-1-1.8 1 .4-2-1.5-1.4 2-.3z'),
  ],
  searchNotes: MAGNIFIER,
  searchFeedback: MAGNIFIER,
  dataHealth: [path('M2.5 10h3l2-4.5 3 9 2-4.5h5')],
  backups: [
    ellipse(10, 5, 6, 2.5),
    path('M4 5v10c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5V5M4 10c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5'),
  ],
  calendar: [rect(3, 4.5, 14, 12.5, 2.5), path('M3 8.5h14M7 2.5v4M13 2.5v4')],
  today: [circle(10, 10, 7), path('M10 6v4.2l2.8 1.8')],
  staff: [
    circle(8, 7, 3),
    path('M2.5 16.5c.6-2.8 2.8-4.5 5.5-4.5s4.9 1.7 5.5 4.5M13 4.2a3 3 0 0 1 0 5.6M15 12.4c1.3.7 2.2 2.1 2.5 4.1'),
  ],
  audit: [path('M5 2.5h7l3.5 3.5v11.5H5z'), path('M12 2.5V6h3.5M8 10h5M8 13h5')],
  patients: [rect(3, 3, 14, 14, 2.5), circle(10, 8.5, 2.5), path('M5.8 15c.7-1.9 2.3-3 4.2-3s3.5 1.1 4.2 3')],
  'walk-in': [circle(11, 3.8, 1.6), path('M9.5 17l1.5-5 2 2v3M8 9.5l2-3 3 1.5 1.5 2.5M11 12l-1.5-5.5M6.5 11l1.5-1.5')],
  conflicts: [path('M4 7h9.5l-2.5-2.5M16 13H6.5l2.5 2.5'), circle(15.5, 7, 1.2), circle(4.5, 13, 1.2)],
  'waiting-list': [circle(10, 10, 7), path('M10 6v4l2.5 2')],
};

function SectionIcon({ section }: { section: Section }) {
  return (
    <svg className="side-nav__icon" viewBox="0 0 20 20" aria-hidden="true">
      {ICONS[section].map(([element, attributes], index) => createElement(element, { key: index, ...attributes }))}
    </svg>
  );
}

/** A heading goes where a new group starts, when the user has more than one group at all. */
function startsGroup(sections: readonly Section[], index: number): boolean {
  const groups = new Set(sections.map(groupOf));
  return groups.size > 1 && (index === 0 || groupOf(sections[index]!) !== groupOf(sections[index - 1]!));
}

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
      <Brand size={28} className="brand side-nav__brand" />
      <ul className="side-nav__list">
        {sections.map((section, index) => (
          <li key={section}>
            {startsGroup(sections, index) ? (
              <p className="side-nav__group">{groupOf(section)}</p>
            ) : null}
            <a
              className="side-nav__link"
              href={`#${section}`}
              aria-current={section === current ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                onSelect(section);
              }}
            >
              <SectionIcon section={section} />
              {SECTION_LABEL[section]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
