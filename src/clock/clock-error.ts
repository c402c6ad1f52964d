// clock-error.ts: the one error the statutory clock throws, so callers (CLI, pipeline) can tell bad
// input apart from bugs and print a stable `<stage>.<reason>` code next to a readable message.

export type ClockErrorCode =
  | 'clock.invalid_date'
  | 'clock.date_out_of_range'
  | 'clock.dates_out_of_order'
  | 'clock.invalid_regime'
  | 'clock.invalid_jurisdiction'
  | 'clock.invalid_extension'
  | 'clock.extension_not_available'
  | 'clock.not_applicable'
  | 'clock.awaiting_clarification'
  | 'clock.awaiting_fee'
  | 'clock.invalid_holiday'
  | 'clock.missing_field';

export class ClockError extends Error {
  constructor(
    readonly code: ClockErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ClockError';
  }
}

export function isClockError(err: unknown): err is ClockError {
  return err instanceof ClockError;
}
