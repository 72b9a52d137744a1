export { loadDemoWorkspaceIfEmpty, type DemoAccount, type DemoResult } from './demo.service';
