// The app frame: sidebar, the current area, status bar, and the window-wide layers (drop target,
// keyboard help, notices). Also starts the live session: workspace, settings and jobs.
import { useEffect, useRef, type ComponentType } from 'react';
import { LibraryArea } from '../features/library/LibraryArea';
import { SearchArea } from '../features/search/SearchArea';
import { ReaderArea } from '../features/reader/ReaderArea';
import { TagsArea } from '../features/tags/TagsArea';
import { ReportsArea } from '../features/reports/ReportsArea';
import { SettingsArea } from '../features/settings/SettingsArea';
import { areaInfo } from './areas';
import { useConnection } from './connection';
import { DropOverlay } from './DropOverlay';
import { ErrorBoundary } from './ErrorBoundary';
import { trackJobs } from './jobs';
import { useGlobalShortcuts } from './keyboard';
import { KeyboardHelp } from './KeyboardHelp';
import { navigate, useFocusRequest, useNav, type Area } from './nav';
import { Notices } from './Notices';
import {
  dismissSettingsWarning,
  trackSettings,
  useSettings,
  useSettingsLoaded,
  useSettingsWarning,
} from './settings';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { useApplyTheme } from './theme';
import { Banner } from './ui/Banner';
import { folderName, trackWorkspace, useAppInfo } from './workspace';

const AREA_VIEWS: Record<Area, ComponentType> = {
  library: LibraryArea,
  search: SearchArea,
  reader: ReaderArea,
  tags: TagsArea,
  reports: ReportsArea,
  settings: SettingsArea,
};

function useLiveSession(): void {
  useEffect(() => {
    const stops = [trackWorkspace(), trackSettings(), trackJobs()];
    return () => stops.forEach((stop) => stop());
  }, []);
}

function SettingsWarning() {
  const warning = useSettingsWarning();
  if (!warning) return null;
  return (
    <Banner onDismiss={dismissSettingsWarning}>
      <strong>Settings were reset.</strong> {warning}{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => navigate({ area: 'settings', section: null })}
      >
        Review settings
      </button>
    </Banner>
  );
}

function SessionRefused() {
  const { state } = useConnection();
  if (state !== 'refused') return null;
  return (
    <Banner kind="error">
      <strong>This page is no longer connected to Sifter.</strong> The server was restarted or the session
      expired: open the address that <code>sifter serve</code> printed.
    </Banner>
  );
}

export function App() {
  useLiveSession();
  useGlobalShortcuts();
  useApplyTheme(useSettings((s) => s.theme));

  const area = useNav((s) => s.area);
  const label = areaInfo(area).label;
  const app = useAppInfo();
  const main = useRef<HTMLElement>(null);
  const focusRequest = useFocusRequest();
  // Tests and the Electron shell wait for this before acting on the page.
  const settingsLoaded = useSettingsLoaded();
  const ready = app !== null && settingsLoaded;

  useEffect(() => {
    document.title = app ? `${label} — ${folderName(app.workspace)} — Sifter` : `${label} — Sifter`;
  }, [label, app]);

  // After a keyboard jump, focus lands on the new area's heading (or the area itself).
  useEffect(() => {
    if (focusRequest === 0) return;
    const heading = main.current?.querySelector<HTMLElement>('[data-area-heading]');
    (heading ?? main.current)?.focus();
  }, [focusRequest]);

  const View = AREA_VIEWS[area];
  return (
    <div className="app" data-area={area} data-ready={ready}>
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        Skip to content
      </button>
      <Sidebar />
      <div className="app__content">
        <SessionRefused />
        <SettingsWarning />
        <main className="area" id="main" aria-label={label} tabIndex={-1} ref={main}>
          <ErrorBoundary key={area} what={`the ${label} area`}>
            <View />
          </ErrorBoundary>
        </main>
      </div>
      <StatusBar />
      <DropOverlay />
      <KeyboardHelp />
      <Notices />
    </div>
  );
}
