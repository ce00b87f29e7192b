// The live link to the back end (browser mode's event stream), for the status bar and the
// "session refused" banner.
import { useEffect, useState } from 'react';
import { onStreamState, type StreamState } from '../bridge';

export function useConnection(): { state: StreamState; detail: string | undefined } {
  const [conn, setConn] = useState<{ state: StreamState; detail: string | undefined }>({
    state: 'connecting',
    detail: undefined,
  });
  useEffect(() => onStreamState((state, detail) => setConn({ state, detail })), []);
  return conn;
}
