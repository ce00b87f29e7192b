import { SifterError } from '../errors';

/** Bad or hostile input: the whole import is refused, and the message names the file and the reason. */
export class ImportError extends SifterError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super('REFUSED', `${file}: ${reason}`);
    this.name = 'ImportError';
  }
}
