// The two IPC channels between preload and main: one for calls (invoke/handle), one for pushed
// events. Shared by both sides; the preload bundles this file.
export const CALL_CHANNEL = 'sifter:call';
export const EVENT_CHANNEL = 'sifter:event';
