// A suite that cannot measure its metric on this checkout (a component it drives has not landed,
// Chromium is missing) throws SuiteSkipped: the runner prints the reason and records it instead
// of a number. Never a made-up value.
export class SuiteSkipped extends Error {
  override name = 'SuiteSkipped'
}
