import type { RecommendationRule } from '../recommendation.js';
import { cpuBusyRule } from './cpuBusyRule.js';
import { diskUtilisationRule } from './diskUtilisationRule.js';
import { iowaitRule } from './iowaitRule.js';
import { loadPerCoreRule } from './loadPerCoreRule.js';
import { memoryHeadroomRule } from './memoryHeadroomRule.js';
import { networkErrorsRule } from './networkErrorsRule.js';
import { stealRule } from './stealRule.js';
import { swapInUseRule } from './swapInUseRule.js';

export { cpuBusyRule, diskUtilisationRule, iowaitRule, loadPerCoreRule, memoryHeadroomRule, networkErrorsRule, stealRule, swapInUseRule };

/** Every rule the report runs, in the order their findings are listed at equal severity. */
export const RECOMMENDATION_RULES: readonly RecommendationRule[] = [
  cpuBusyRule,
  loadPerCoreRule,
  stealRule,
  iowaitRule,
  memoryHeadroomRule,
  swapInUseRule,
  diskUtilisationRule,
  networkErrorsRule,
];
