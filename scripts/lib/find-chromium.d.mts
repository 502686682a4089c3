export function findChromium(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | null;
export const chromiumArgs: string[];
