import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDefinition } from '../shared/table.js';

export type AppTableProps = {
  tableName: string;
  /** prod: retain on stack deletion, deletion protection, point-in-time recovery. */
  protect: boolean;
};

/** The single table, built from shared/table.ts: the same definition `npm start` creates locally. */
export class AppTable extends Construct {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string, props: AppTableProps) {
    super(scope, id);
    const d = tableDefinition;
    const str = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.TableV2(this, 'Table', {
      tableName: props.tableName,
      partitionKey: str(d.partitionKey),
      sortKey: str(d.sortKey),
      billing: dynamodb.Billing.onDemand(),
      globalSecondaryIndexes: d.globalSecondaryIndexes.map((g) => ({
        indexName: g.indexName,
        partitionKey: str(g.partitionKey),
        sortKey: str(g.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      })),
      timeToLiveAttribute: d.timeToLiveAttribute,
      dynamoStream: dynamodb.StreamViewType[d.streamView],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.protect,
      removalPolicy: props.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }
}
