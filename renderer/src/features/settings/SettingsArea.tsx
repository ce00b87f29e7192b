// The Settings area: appearance, dates, translation and the workspace. Each control saves as
// soon as it holds a valid value; the back end validates again against the one settings schema.
import { useEffect } from 'react';
import { useNav } from '../../app/nav';
import { dismissSettingsWarning, useSettingsLoaded, useSettingsWarningAlways } from '../../app/settings';
import { AreaHeader } from '../../app/ui/AreaHeader';
import { Banner } from '../../app/ui/Banner';
import { AppearanceSection } from './AppearanceSection';
import { DatesSection } from './DatesSection';
import { TranslationSection } from './TranslationSection';
import { WorkspaceSection } from './WorkspaceSection';

export function SettingsArea() {
  const section = useNav((s) => (s.area === 'settings' ? s.section : null));
  const warning = useSettingsWarningAlways();
  const loaded = useSettingsLoaded();

  // #/settings?section=workspace opens the page at that section (the status bar links there).
  useEffect(() => {
    if (section) document.getElementById(`settings-${section}`)?.scrollIntoView({ block: 'start' });
  }, [section]);

  return (
    <div className="area__body area__body--narrow">
      <AreaHeader title="Settings" subtitle="Kept with this workspace" />
      {warning && (
        <Banner onDismiss={dismissSettingsWarning}>
          <strong>Settings were reset to defaults.</strong> {warning}
        </Banner>
      )}
      <div className="settings" aria-busy={!loaded}>
        <AppearanceSection />
        <DatesSection />
        <TranslationSection />
        <WorkspaceSection />
      </div>
    </div>
  );
}
