// Line icons on a 16×16 grid, drawn with currentColor so they follow the theme and state colours.
import type { ReactNode, SVGProps } from 'react';
import type { Area } from '../nav';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number };

function Icon({ size = 16, children, ...rest }: IconProps & { children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  );
}

export const LibraryIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="2" y="2.5" width="12" height="3.5" rx="1" />
    <path d="M3 6v6.5a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V6" />
    <path d="M6.5 8.5h3" />
  </Icon>
);

export const SearchIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="7" cy="7" r="4.25" />
    <path d="m10.2 10.2 3.3 3.3" />
  </Icon>
);

export const ReaderIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 1.75h5.5L12.5 4.75v9.5H4z" />
    <path d="M9.25 1.75v3.25h3.25" />
    <path d="M6 8h4.5M6 10.25h4.5M6 12.5h2.5" />
  </Icon>
);

export const TagIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M2 2.75v4.6l6.4 6.4a1 1 0 0 0 1.4 0l3.95-3.95a1 1 0 0 0 0-1.4L7.35 2H2.75a.75.75 0 0 0-.75.75z" />
    <circle cx="5" cy="5" r="0.9" fill="currentColor" stroke="none" />
  </Icon>
);

export const ReportIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="2.25" y="2.25" width="11.5" height="11.5" rx="1.25" />
    <path d="M5.25 11V8.5M8 11V5.5M10.75 11V7" />
  </Icon>
);

export const SettingsIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M2.5 4.5h5M10.5 4.5h3M2.5 11.5h2M7.5 11.5h6" />
    <circle cx="9" cy="4.5" r="1.5" />
    <circle cx="6" cy="11.5" r="1.5" />
  </Icon>
);

export const ImportIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 2.5v7.5M5 7l3 3 3-3" />
    <path d="M2.75 10.5v2a1 1 0 0 0 1 1h8.5a1 1 0 0 0 1-1v-2" />
  </Icon>
);

export const FolderIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M2 4.25a1 1 0 0 1 1-1h3.2l1.3 1.5H13a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1z" />
  </Icon>
);

export const CloseIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="m4 4 8 8M12 4l-8 8" />
  </Icon>
);

export const KeyboardIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="1.75" y="4" width="12.5" height="8" rx="1.25" />
    <path d="M4.5 6.5h.01M7 6.5h.01M9.5 6.5h.01M12 6.5h.01M5.5 9.5h5" />
  </Icon>
);

export const WarningIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 2.25 14.25 13.5H1.75z" />
    <path d="M8 6.5v3M8 11.5h.01" />
  </Icon>
);

export const InfoIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="8" cy="8" r="6" />
    <path d="M8 7.25v4M8 5h.01" />
  </Icon>
);

export const CheckIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="m3.5 8.5 3 3 6-7" />
  </Icon>
);

export const SifterMark = (p: IconProps) => (
  <Icon {...p} strokeWidth={1.6}>
    <path d="M2.5 3.5h11l-4.25 5v4.25l-2.5 1v-5.25z" />
  </Icon>
);

export const AREA_ICONS: Record<Area, (p: IconProps) => ReactNode> = {
  library: LibraryIcon,
  search: SearchIcon,
  reader: ReaderIcon,
  tags: TagIcon,
  reports: ReportIcon,
  settings: SettingsIcon,
};
