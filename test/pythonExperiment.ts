// The EXPERIMENT table of an exported Python script, as Python itself reads it (ast.literal_eval):
// the tests check what the script will run, not what the TypeScript meant to write.
import { execFileSync } from 'node:child_process';

export function readExperiment(file: string): Record<string, unknown> {
  const code = [
    'import ast, json, sys',
    'tree = ast.parse(open(sys.argv[1]).read())',
    'node = next(n for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "EXPERIMENT")',
    'print(json.dumps(ast.literal_eval(node.value)))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', code, file], { encoding: 'utf8' })) as Record<string, unknown>;
}
