// The ILO forced-labour indicator ids a scenario may tag (#indicator:…), taken from the screening form the victims
// domain ships (victims/data/screening/ilo-forced-labour-11.v1.yaml), so both domains speak of the same eleven.
import { latestForms, loadScreeningForms } from '../victims';

let cached: string[] | undefined;

export function iloIndicatorIds(): string[] {
  if (!cached) {
    const form = latestForms(loadScreeningForms()).find((f) => f.id === 'ilo-forced-labour-11');
    cached = (form?.indicators ?? []).map((i) => i.id);
  }
  return cached;
}
