// The translation feature: the Reader's side-by-side column and toolbar (registered here, at
// module load, like the search feature fills its sidebar slot), and the buttons that translate many
// items at once for the Search and Tags areas.
import { registerReaderExtension } from '../reader/extensions';
import { TranslationColumn } from './TranslationColumn';
import { TranslationToolbar } from './TranslationToolbar';

registerReaderExtension({ id: 'translation', Toolbar: TranslationToolbar, SecondColumn: TranslationColumn });

export { TranslateJobButton, TranslateResultsButton, TranslateTagButton } from './TranslateJobButton';
