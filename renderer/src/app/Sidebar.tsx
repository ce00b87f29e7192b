// The sidebar: the six areas (links, so they also work as addresses), and below them the slots
// features fill, starting with saved searches.
import type { MouseEvent } from 'react';
import { AREA_LIST, areaShortcut } from './areas';
import { defaultState, formatHash, navigate, useNav, type Area } from './nav';
import { useSlot } from './slots';
import { AREA_ICONS, SifterMark } from './ui/icons';
import { folderName, useAppInfo } from './workspace';

function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

function AreaLink({
  id,
  label,
  description,
  index,
  active,
}: {
  id: Area;
  label: string;
  description: string;
  index: number;
  active: boolean;
}) {
  const Icon = AREA_ICONS[id];
  return (
    <li>
      <a
        className="nav-link"
        href={formatHash(defaultState(id))}
        aria-current={active ? 'page' : undefined}
        title={`${description} (g ${AREA_LIST[index]?.goKey ?? ''} · ${areaShortcut(index + 1)})`}
        data-area={id}
        onClick={(event) => {
          if (!isPlainClick(event)) return;
          event.preventDefault();
          navigate(id);
        }}
      >
        <Icon className="nav-link__icon" />
        <span className="nav-link__label">{label}</span>
        <span className="nav-link__key" aria-hidden="true">
          {areaShortcut(index + 1)}
        </span>
      </a>
    </li>
  );
}

function SavedSearches() {
  const Slot = useSlot('sidebar.savedSearches');
  return (
    <section className="sidebar-section" aria-labelledby="sidebar-saved-title">
      <h2 className="sidebar-section__title" id="sidebar-saved-title">
        Saved searches
      </h2>
      {Slot ? <Slot /> : <p className="sidebar-section__empty">Save a search to watch it for new matches.</p>}
    </section>
  );
}

export function Sidebar() {
  const area = useNav((s) => s.area);
  const app = useAppInfo();
  return (
    <aside className="sidebar">
      <div className="sidebar__brand" title={app ? app.workspace : undefined}>
        <SifterMark className="sidebar__mark" size={18} />
        <div className="sidebar__brand-text">
          <span className="sidebar__name">Sifter</span>
          <span className="sidebar__workspace">{app ? folderName(app.workspace) : ' '}</span>
        </div>
      </div>
      <nav className="sidebar__nav" aria-label="Areas">
        <ul>
          {AREA_LIST.map((a, i) => (
            <AreaLink
              key={a.id}
              id={a.id}
              label={a.label}
              description={a.description}
              index={i}
              active={a.id === area}
            />
          ))}
        </ul>
      </nav>
      <SavedSearches />
    </aside>
  );
}
