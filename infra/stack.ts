import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AppTable } from './table.js';
import type { EnvironmentConfig } from './environments.js';

export type PhoiHopStackProps = StackProps & { config: EnvironmentConfig };

/** One stack per environment. Issue #8 grows this into API, auth, archive and web hosting. */
export class PhoiHopStack extends Stack {
  readonly table: AppTable;

  constructor(scope: Construct, id: string, props: PhoiHopStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.table = new AppTable(this, 'Data', { tableName: `phoi-hop-${config.name}`, protect: config.protect });
  }
}
