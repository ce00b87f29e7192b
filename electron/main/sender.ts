// Which frames may call the back end over IPC. Only the main frame of one of our windows showing
// the app's own origin: a frame that navigated elsewhere, or a subframe (an embedded page, an
// ad in archived HTML that escaped sanitising), gets nothing.
import { originOf } from './navigation';

export interface SenderFrameInfo {
  url: string;
  /** True when the frame is the top frame of its window (no parent). */
  isMainFrame: boolean;
}

export function isTrustedSender(frame: SenderFrameInfo | null | undefined, appOrigin: string): boolean {
  if (!frame || !frame.isMainFrame) return false;
  return originOf(frame.url) === appOrigin;
}
