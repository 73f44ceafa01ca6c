import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DeleteCommandInput,
  type DeleteCommandOutput,
  type GetCommandOutput,
  type PutCommandOutput,
  type QueryCommandOutput,
  type TransactGetCommandOutput,
  type TransactWriteCommandOutput,
  type UpdateCommandOutput,
  type DynamoDBDocumentClient,
  type GetCommandInput,
  type PutCommandInput,
  type QueryCommandInput,
  type TransactGetCommandInput,
  type TransactWriteCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { assertWritesFit } from './item-size.js';

/** What one API call cost in DynamoDB: requests, capacity units, items read. */
export type StoreMetrics = {
  requests: number;
  readCapacity: number;
  writeCapacity: number;
  itemsRead: number;
};

type WithoutTable<T> = Omit<T, 'TableName'>;

/**
 * The store an API call uses: one per request, so its counters describe exactly that call.
 * Every request asks DynamoDB for consumed capacity; the totals go into a response header
 * (`x-ddb-requests` etc.) and the benchmarks read them.
 */
export class MeteredStore {
  readonly metrics: StoreMetrics = { requests: 0, readCapacity: 0, writeCapacity: 0, itemsRead: 0 };

  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  /**
   * Sends one request and adds its cost. A failed request still counts (it was made, and a
   * cancelled transaction still consumed capacity). DynamoDB Local reports only `CapacityUnits`,
   * so the kind decides whether they are read or write units.
   */
  private async send<O extends { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }>(
    command: { input: unknown },
    kind: 'read' | 'write',
    itemsRead: (out: O) => number = () => 0,
  ): Promise<O> {
    this.metrics.requests += 1;
    let out: O;
    try {
      out = (await this.doc.send(command as never)) as unknown as O;
    } catch (err) {
      const reasons = (err as { CancellationReasons?: unknown[] }).CancellationReasons;
      if (reasons) this.metrics.writeCapacity += reasons.length; // cancelled transactions bill each item
      throw err;
    }
    this.metrics.itemsRead += itemsRead(out);
    const consumed = out.ConsumedCapacity;
    for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
      this.metrics.readCapacity += c.ReadCapacityUnits ?? (kind === 'read' ? (c.CapacityUnits ?? 0) : 0);
      this.metrics.writeCapacity += c.WriteCapacityUnits ?? (kind === 'write' ? (c.CapacityUnits ?? 0) : 0);
    }
    return out;
  }

  async get(input: WithoutTable<GetCommandInput>) {
    const out = await this.send<GetCommandOutput>(new GetCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' }), 'read', (o) =>
      o.Item ? 1 : 0,
    );
    return out.Item;
  }

  async query(input: WithoutTable<QueryCommandInput>) {
    const out = await this.send<QueryCommandOutput>(
      new QueryCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' }),
      'read',
      (o) => o.ScannedCount ?? o.Count ?? 0,
    );
    return { items: out.Items ?? [], lastKey: out.LastEvaluatedKey };
  }

  /**
   * Every page of a Query. Callers read partitions far below DynamoDB's 1 MB page, so this is one
   * request in practice; the loop only keeps results correct should one ever grow past a page.
   */
  async queryAll(input: WithoutTable<QueryCommandInput>) {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.query({ ...input, ...(start ? { ExclusiveStartKey: start } : {}) });
      items.push(...page.items);
      start = page.lastKey;
    } while (start);
    return items;
  }

  put(input: WithoutTable<PutCommandInput>) {
    assertWritesFit([{ Put: input }]);
    return this.send<PutCommandOutput>(new PutCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' }), 'write');
  }

  update(input: WithoutTable<UpdateCommandInput>) {
    assertWritesFit([{ Update: input }]);
    return this.send<UpdateCommandOutput>(new UpdateCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' }), 'write');
  }

  delete(input: WithoutTable<DeleteCommandInput>) {
    return this.send<DeleteCommandOutput>(new DeleteCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' }), 'write');
  }

  /** Multi-item writes go through here: all or nothing. Items need no TableName. */
  transactWrite(items: TransactItem[], opts: { clientRequestToken?: string } = {}) {
    // Checked before sending: a write DynamoDB would refuse for its size is a 413 naming the field.
    assertWritesFit(items);
    const TransactItems = items.map((it) => {
      const [op, body] = Object.entries(it)[0] as [string, Record<string, unknown>];
      return { [op]: { ...body, TableName: this.tableName } };
    }) as TransactWriteCommandInput['TransactItems'];
    return this.send<TransactWriteCommandOutput>(
      new TransactWriteCommand({ TransactItems, ReturnConsumedCapacity: 'TOTAL', ClientRequestToken: opts.clientRequestToken }),
      'write',
    );
  }

  async transactGet(items: WithoutTable<GetCommandInput>[]) {
    const TransactItems = items.map((g) => ({ Get: { ...g, TableName: this.tableName } })) as TransactGetCommandInput['TransactItems'];
    const out = await this.send<TransactGetCommandOutput>(
      new TransactGetCommand({ TransactItems, ReturnConsumedCapacity: 'TOTAL' }),
      'read',
      (o) => (o.Responses ?? []).filter((r) => r.Item).length,
    );
    return (out.Responses ?? []).map((r) => r.Item);
  }
}

type Tx<T> = Omit<T, 'TableName'>;
export type TransactItem =
  | { Put: Tx<NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Put']>> }
  | { Update: Tx<NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Update']>> }
  | { Delete: Tx<NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Delete']>> }
  | { ConditionCheck: Tx<NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['ConditionCheck']>> };
