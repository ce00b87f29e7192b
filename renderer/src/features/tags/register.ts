// Plugs tagging into the rest of the app at start: the Reader's toolbar (tag picker, pinned keys),
// its aside (clips) and the panel under its text (the note), plus the app-wide undo key and the
// Tagging group of the keyboard help. The frame imports the Tags area at start, which imports this.
import { registerReaderExtension } from '../reader/extensions';
import { installUndoKey } from './keys';
import { ClipsPanel } from './reader/ClipsPanel';
import { NotePanel } from './reader/NotePanel';
import { ReaderTagBar } from './reader/ReaderTagBar';
import './tags.css';

registerReaderExtension({ id: 'tagging', Toolbar: ReaderTagBar, BelowText: NotePanel, Aside: ClipsPanel });
installUndoKey();
