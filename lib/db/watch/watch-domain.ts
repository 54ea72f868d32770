// Stub (owned by the watch helper; replaced at merge): compares the latest stored check run
// with the previous one and raises alerts for new problems.
export async function watchDomain(
  domainId: string,
  opts?: { now?: Date },
): Promise<{ findings: number }> {
  void domainId;
  void opts;
  return { findings: 0 };
}
