// For jsdom tests of React components: a fresh container for every test, attached to the document
// (selections and ranges only work on attached nodes), with a React root unmounted after the test.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

export interface Mounted {
  /** The container of the current test. */
  readonly box: HTMLDivElement;
  /** Renders into the container and flushes effects. */
  render(node: ReactNode): void;
}

/** Call at the top of a test file (or describe); `prepare` can mark the container (data-* attributes). */
export function mountPerTest(prepare?: (box: HTMLDivElement) => void): Mounted {
  let box: HTMLDivElement | undefined;
  let root: Root | undefined;
  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    box = document.createElement('div');
    prepare?.(box);
    document.body.append(box);
    root = createRoot(box);
  });
  afterEach(() => {
    act(() => root?.unmount());
    box?.remove();
  });
  return {
    get box() {
      if (!box) throw new Error('mountPerTest: no test is running');
      return box;
    },
    render(node) {
      act(() => root?.render(node));
    },
  };
}
