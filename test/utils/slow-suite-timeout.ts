// Real databases and booted apps: give a busy two-core machine room before calling a test stuck.
// (A project-level `testTimeout` is not honoured by jest; this is.)
jest.setTimeout(60_000);
