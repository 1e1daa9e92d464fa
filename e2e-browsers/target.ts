// Where the built app is served during the cross-engine lane: the same variables as the
// Playwright config, so a checkout that runs its e2e tests on another port runs these there too.
export const port = Number(process.env.E2E_PORT ?? 4173);
export const outDir = process.env.BUILD_OUT ?? 'dist';
export const baseURL = `http://127.0.0.1:${port}`;
