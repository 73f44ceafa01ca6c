/** Per-environment names, sizes and protections, chosen with `-c env=dev|staging|prod`. */
export type EnvironmentConfig = {
  name: 'dev' | 'staging' | 'prod';
  protect: boolean;
};

export const environments: Record<EnvironmentConfig['name'], EnvironmentConfig> = {
  dev: { name: 'dev', protect: false },
  staging: { name: 'staging', protect: false },
  prod: { name: 'prod', protect: true },
};

export function environmentFromContext(value: unknown): EnvironmentConfig {
  const name = typeof value === 'string' ? value : 'dev';
  const config = environments[name as EnvironmentConfig['name']];
  if (!config) throw new Error(`Unknown env "${name}": use -c env=dev|staging|prod`);
  return config;
}
