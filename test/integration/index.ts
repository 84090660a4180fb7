// The extensionTestsPath entry: VS Code calls run() inside the real extension host (desktop
// via @vscode/test-electron, or the browser workbench via scripts/vscode/run-integration.js).
// It runs every *.test.js built next to this file (test/integration/**/*.test.ts).
import { runSuite } from './runSuite';

export function run(): Promise<void> {
  return runSuite(__dirname, '.test.js');
}
