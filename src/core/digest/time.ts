/**
 * Wall-clock time in IANA zones with nothing but Intl: "is it 09:00 yet in Europe/Paris, and
 * which local day is it?". The scheduler compares local wall-clock strings instead of adding
 * offsets to UTC instants, which is what keeps it right across daylight-saving changes: on a
 * spring-forward day a 02:30 slot becomes due at 03:00, on a fall-back day 02:30 comes twice
 * and the (channel, day) claim lets only the first one post.
 */

/** A local calendar day `YYYY-MM-DD` and wall-clock time `HH:MM` in some zone. */
export interface LocalDateTime {
  readonly day: string;
  readonly time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function fields(date: Date, timeZone: string): Fields {
  const out: Fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(date)) {
    if (p.type in out) out[p.type as keyof Fields] = Number(p.value);
  }
  return out;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The local day and time of `date` in `timeZone` (an IANA name already validated). */
export function localDateTime(date: Date, timeZone: string): LocalDateTime {
  const f = fields(date, timeZone);
  return { day: `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`, time: `${pad(f.hour)}:${pad(f.minute)}` };
}

/** The zone's offset from UTC at `instant`, in milliseconds (positive east of Greenwich). */
function offsetMs(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const f = fields(new Date(whole), timeZone);
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - whole;
}

/**
 * The UTC instant of local `day` at `time` in `timeZone`. As Temporal's "compatible" rule: a
 * time repeated by a fall-back change is its first occurrence; a time skipped by a spring-forward
 * change is moved forward by the length of the gap (02:30 -> 03:30).
 */
export function zonedTimeToUtc(day: string, time: string, timeZone: string): Date {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const before = offsetMs(wall - 86_400_000, timeZone);
  const after = offsetMs(wall + 86_400_000, timeZone);
  const early = wall - Math.max(before, after);
  const late = wall - Math.min(before, after);
  if (offsetMs(early, timeZone) === wall - early) return new Date(early);
  return new Date(late);
}

/** `day` plus `n` calendar days (n may be negative). */
export function addDays(day: string, n: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The UTC instants bounding local `day` in `timeZone`: [from, to). */
export function dayWindow(day: string, timeZone: string): { readonly from: Date; readonly to: Date } {
  return { from: zonedTimeToUtc(day, '00:00', timeZone), to: zonedTimeToUtc(addDays(day, 1), '00:00', timeZone) };
}

/** `8:30` or `08:30` -> `08:30`; undefined for anything else (`25:00`, `9am`, `08:3`). */
export function parseTime(text: string): string | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? `${pad(h)}:${pad(min)}` : undefined;
}

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** The canonical IANA name for `name` (`europe/paris` -> `Europe/Paris`), or undefined if unknown. */
export function canonicalTimeZone(name: string): string | undefined {
  const trimmed = name.trim();
  if (!ZONE_NAME.test(trimmed)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    // RangeError: not a zone this runtime's ICU knows; the caller reports it with an example.
    return undefined;
  }
}
