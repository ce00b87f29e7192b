// Makes the whole window a drop target: an overlay while files are dragged over it, and on drop
// the files and folders go to the registered handler (see drop.ts).
import { useEffect, useState } from 'react';
import { collectDroppedFiles, deliverFiles, dragHasFiles } from './drop';
import { notify } from './notices';
import { ImportIcon } from './ui/icons';

export function DropOverlay() {
  const [active, setActive] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every child element crossed: count depth to know when the
    // drag really left the window.
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      depth++;
      setActive(true);
    };
    const onOver = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      // Without preventDefault the browser would open the file in place of the app.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setActive(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setActive(false);
    };
    const onDrop = (e: DragEvent) => {
      depth = 0;
      setActive(false);
      if (!e.dataTransfer || !dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      void collectDroppedFiles(e.dataTransfer)
        .then(async (files) => {
          if (files.length === 0) {
            notify({
              kind: 'warning',
              title: 'Nothing to import',
              message: 'The drop held no files (empty folders are skipped).',
            });
            return;
          }
          if (!(await deliverFiles(files))) {
            notify({
              kind: 'warning',
              title: 'Importing is not available yet',
              message: `${files.length} file${files.length === 1 ? '' : 's'} dropped, but this build of Sifter cannot import them.`,
            });
          }
        })
        .catch((err: unknown) => {
          notify({
            kind: 'error',
            title: 'Could not read the dropped files',
            message: err instanceof Error ? err.message : String(err),
          });
        });
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  if (!active) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <div className="drop-overlay__panel">
        <ImportIcon size={28} />
        <p className="drop-overlay__title">Drop to import</p>
        <p className="drop-overlay__hint">
          Telegram exports, saved articles, feeds, X archives, WARC, CSV, NDJSON or a zip — files or whole
          folders.
        </p>
      </div>
    </div>
  );
}
