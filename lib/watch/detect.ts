// Every detector, one per kind (issue 14 deliverable 2). Order = the order alerts are raised.
import { detectCertExpiry } from "./cert-expiry";
import { detectFailures } from "./failure-spike";
import { detectUncoveredMx } from "./mx-coverage";
import { detectBodyChanged, detectIdBeforeBody } from "./policy-body";
import { detectSilence } from "./report-silence";
import { detectStsGone } from "./sts-gone";
import type { Detection, WatchInput } from "./types";

export const DETECTORS: readonly ((input: WatchInput) => Detection)[] = [
  detectBodyChanged,
  detectIdBeforeBody,
  detectUncoveredMx,
  detectStsGone,
  detectCertExpiry,
  detectSilence,
  detectFailures,
];

export const detectAll = (input: WatchInput): Detection[] => DETECTORS.map((d) => d(input));
