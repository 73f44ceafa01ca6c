/**
 * E-mail through Amazon SES (v2 API). One code path: on AWS the client uses the Lambda's role and
 * the configured sending identity; locally `SES_ENDPOINT` points it at the SES v2 emulator that
 * `npm start` and the tests run. The SDK loads on the first mail, never with the API.
 */
export type MailConfig = { from: string; region?: string; endpoint?: string; configurationSet?: string };

/** `unsubscribeUrl`: the one-click link of a subscription (digest, event kind); none in a one-off mail to a non-user. */
export type Mail = { to: string; subject: string; text: string; html: string; unsubscribeUrl?: string };

/** Mail settings from the environment; null when no sending identity is configured (nothing is sent). */
export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  if (!env.SES_FROM) return null;
  return {
    from: env.SES_FROM,
    region: env.AWS_REGION,
    ...(env.SES_ENDPOINT ? { endpoint: env.SES_ENDPOINT } : {}),
    ...(env.SES_CONFIGURATION_SET ? { configurationSet: env.SES_CONFIGURATION_SET } : {}),
  };
}

/** The key unsubscribe links are signed with (functions/reminders/unsubscribe-token.ts). */
export function unsubscribeSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.UNSUBSCRIBE_SECRET;
  if (!secret || secret.length < 32) throw new Error('UNSUBSCRIBE_SECRET is not set (32+ characters)');
  return secret;
}

let client: { send: (cmd: unknown) => Promise<{ MessageId?: string }> } | undefined;
let clientKey = '';

export async function sendMail(cfg: MailConfig, mail: Mail): Promise<string | undefined> {
  const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
  const key = `${cfg.region}|${cfg.endpoint}`;
  if (!client || clientKey !== key) {
    client = new SESv2Client({
      region: cfg.region ?? 'ap-southeast-1',
      ...(cfg.endpoint ? { endpoint: cfg.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    }) as unknown as typeof client;
    clientKey = key;
  }
  const out = await client!.send(
    new SendEmailCommand({
      FromEmailAddress: cfg.from,
      ...(cfg.configurationSet ? { ConfigurationSetName: cfg.configurationSet } : {}),
      Destination: { ToAddresses: [mail.to] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' }, Html: { Data: mail.html, Charset: 'UTF-8' } },
          // RFC 8058 one-click unsubscribe: mail clients show the button and POST to the link.
          ...(mail.unsubscribeUrl
            ? {
                Headers: [
                  { Name: 'List-Unsubscribe', Value: `<${mail.unsubscribeUrl}>` },
                  { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
                ],
              }
            : {}),
        },
      },
    }),
  );
  return out.MessageId;
}
