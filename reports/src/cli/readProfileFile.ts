import { readFile } from 'node:fs/promises';
import { checkReportProfile } from '../profile/checkReportProfile.js';
import { profileMeta, type ProfileMeta, type ReportProfile } from '../profile/reportProfile.js';
import { CliUsageError } from './cliUsageError.js';

/**
 * The `--profile` JSON file: the same flat object as the API's `ReportProfileInput`
 * (docs/report-profiles.md), checked with the same rules. A bad file is a bad command line.
 */
export async function readProfileFile(file: string): Promise<ProfileMeta> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CliUsageError(`--profile ${file}: ${(error as Error).message}`);
  }
  const problem = checkReportProfile(parsed);
  if (problem) throw new CliUsageError(`--profile ${file}: ${problem.message}`);
  return profileMeta(parsed as ReportProfile);
}
