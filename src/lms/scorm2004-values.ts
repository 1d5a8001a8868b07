/** Values in the forms the SCORM 2004 run-time data model (RTE 4.2) asks for. */

/** Longest `cmi.suspend_data` an LMS must keep in SCORM 2004 (characterstring SPM 64000). */
export const SUSPEND_DATA_LIMIT_2004 = 64_000;

/** Longest interaction description an LMS must keep (localized_string_type SPM 250). */
export const DESCRIPTION_LIMIT = 250;

/**
 * A duration in milliseconds as an ISO 8601 duration in hundredths of a second (RTE 4.1.1.6,
 * timeinterval (second,10,2)), e.g. `PT1H2M3.45S`; negative durations count as zero.
 */
export function isoDuration(milliseconds: number): string {
  const total = Math.max(0, Math.round(milliseconds / 10));
  const hours = Math.floor(total / 360_000);
  const minutes = Math.floor(total / 6000) % 60;
  const seconds = (total % 6000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds}S`;
}

/** A moment as the data model's time (second,10,0): UTC to hundredths of a second. */
export function cmiTime(date: Date): string {
  return `${date.toISOString().slice(0, 22)}Z`;
}

/** An interaction id (short_identifier_type): the quiz's and question's ids as a URN-like path. */
export function interactionId(quizId: string, questionId: string): string {
  const clean = (id: string) => id.replace(/[^\w.-]/g, '-');
  return `urn:dropout-lab:${clean(quizId)}:${clean(questionId)}`;
}

/** A text shortened to the description limit, ending in an ellipsis when cut. */
export function shortDescription(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= DESCRIPTION_LIMIT ? flat : `${flat.slice(0, DESCRIPTION_LIMIT - 1)}…`;
}
