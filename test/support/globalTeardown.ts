export default async function globalTeardown(): Promise<void> {
  await Promise.all([globalThis.dynamoLocal?.stop(), globalThis.cognitoLocal?.stop()]);
}
