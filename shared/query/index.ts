// The query language, shared by the back end (execution) and the UI (inline problems, help).
export * from './ast';
export { parseQuery, hasPositiveText, ITEM_KINDS } from './parser';
export { forEachToken, normaliseWord, tokenize, type TokenSink } from './normalise';
export { parseDayRange, civilDay, civilDate, type DayRange } from './dates';
export { QUERY_HELP, type QueryHelpEntry } from './help';
