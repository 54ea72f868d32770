// Stub (owned by the alerts helper; replaced at merge): sends the queued alert deliveries.
export async function deliverPendingAlerts(
  now?: Date,
): Promise<{ sent: number; failed: number; retrying: number }> {
  void now;
  return { sent: 0, failed: 0, retrying: 0 };
}
