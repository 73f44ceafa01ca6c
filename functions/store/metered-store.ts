import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DeleteCommandInput,
  type DynamoDBDocumentClient,
  type GetCommandInput,
  type PutCommandInput,
  type QueryCommandInput,
  type TransactGetCommandInput,
  type TransactWriteCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';

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

  /** Adds one request's cost. DynamoDB Local reports only `CapacityUnits`, so the kind decides. */
  private account(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined, itemsRead: number, kind: 'read' | 'write') {
    this.metrics.requests += 1;
    this.metrics.itemsRead += itemsRead;
    for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
      const read = c.ReadCapacityUnits ?? (kind === 'read' ? c.CapacityUnits : 0) ?? 0;
      const write = c.WriteCapacityUnits ?? (kind === 'write' ? c.CapacityUnits : 0) ?? 0;
      this.metrics.readCapacity += read;
      this.metrics.writeCapacity += write;
    }
  }

  async get(input: WithoutTable<GetCommandInput>) {
    const out = await this.doc.send(new GetCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' }));
    this.account(out.ConsumedCapacity, out.Item ? 1 : 0, 'read');
    return out.Item;
  }

  async query(input: WithoutTable<QueryCommandInput>) {
    const out = await this.doc.send(new QueryCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' }));
    this.account(out.ConsumedCapacity, out.ScannedCount ?? out.Count ?? 0, 'read');
    return { items: out.Items ?? [], lastKey: out.LastEvaluatedKey };
  }

  async put(input: WithoutTable<PutCommandInput>) {
    const out = await this.doc.send(new PutCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' }));
    this.account(out.ConsumedCapacity, 0, 'write');
    return out;
  }

  async update(input: WithoutTable<UpdateCommandInput>) {
    const out = await this.doc.send(new UpdateCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' }));
    this.account(out.ConsumedCapacity, 0, 'write');
    return out;
  }

  async delete(input: WithoutTable<DeleteCommandInput>) {
    const out = await this.doc.send(new DeleteCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' }));
    this.account(out.ConsumedCapacity, 0, 'write');
    return out;
  }

  /** Multi-item writes go through here: all or nothing. Items need no TableName. */
  async transactWrite(items: TransactItem[], opts: { clientRequestToken?: string } = {}) {
    const TransactItems = items.map((it) => {
      const [op, body] = Object.entries(it)[0] as [string, Record<string, unknown>];
      return { [op]: { ...body, TableName: this.tableName } };
    }) as TransactWriteCommandInput['TransactItems'];
    const out = await this.doc.send(
      new TransactWriteCommand({ TransactItems, ReturnConsumedCapacity: 'TOTAL', ClientRequestToken: opts.clientRequestToken }),
    );
    this.account(out.ConsumedCapacity, 0, 'write');
    return out;
  }

  async transactGet(items: WithoutTable<GetCommandInput>[]) {
    const TransactItems = items.map((g) => ({ Get: { ...g, TableName: this.tableName } })) as TransactGetCommandInput['TransactItems'];
    const out = await this.doc.send(new TransactGetCommand({ TransactItems, ReturnConsumedCapacity: 'TOTAL' }));
    const found = (out.Responses ?? []).map((r) => r.Item);
    this.account(out.ConsumedCapacity, found.filter(Boolean).length, 'read');
    return found;
  }
}

type Tx<T> = Omit<T, 'TableName'>;
export type TransactItem =
  | { Put: Tx<NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Put']>> }
  | { Update: Tx<NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Update']>> }
  | { Delete: Tx<NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Delete']>> }
  | { ConditionCheck: Tx<NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['ConditionCheck']>> };
