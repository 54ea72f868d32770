// One way to show a run's time everywhere on step 1: fixed format and UTC, so the server's
// first paint and the browser agree.
export function formatRunTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
