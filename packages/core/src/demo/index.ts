export {
  isDatabaseEmpty,
  loadDemoWorkspaceIfEmpty,
  type DemoAccount,
  type DemoResult,
  type DemoSoFar,
} from './demo.service';
export { loadScaleDemo, type ScaleDemoOptions, type ScaleDemoResult } from './demo-scale.service';
export { ScaleDemoGenerator, seededRandom } from './demo-scale-generator';
