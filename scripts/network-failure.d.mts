// Types for the tests that import network-failure.mjs (the scripts run as plain Node).
export interface Step {
  what: string;
  needs: string;
  instead: string;
}
export function networkFailureParagraph(output: string, step: Step): string | null;
export const ELECTRON_DOWNLOAD: Step;
export const PACKAGING: Step;
