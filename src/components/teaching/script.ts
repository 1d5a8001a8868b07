/** The length of a teacher's page's classroom script, in minutes: its steps cover it without gaps. */
export const SCRIPT_MINUTES = 10;
